package nl.instroom.tutoring.matching.domain;

import java.util.List;
import java.util.Locale;

/**
 * Secondary-school levels in ascending order. A coordinator may ask for a level; a tutor fits when their level in
 * that subject is at least it. Unknown level names never fit a requested level, so a typo cannot widen a search.
 */
public final class Levels {

    private static final List<String> ORDER = List.of("vmbo", "havo", "vwo");

    private Levels() {
    }

    public static boolean known(String level) {
        return level != null && ORDER.contains(level.toLowerCase(Locale.ROOT));
    }

    public static boolean atLeast(String tutorLevel, String requested) {
        if (requested == null) {
            return true;
        }
        if (!known(tutorLevel)) {
            return false;
        }
        return ORDER.indexOf(tutorLevel.toLowerCase(Locale.ROOT)) >= ORDER.indexOf(requested.toLowerCase(Locale.ROOT));
    }
}
