package nl.instroom.needmapping.region.domain;

import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * A labour-market region: its CBS code, which is its identifier everywhere (tokens, events, queries), and its name,
 * which is what people read.
 */
public record Region(String code, String name) {

    public Region {
        code = CbsCodes.region(code);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidRequest("A region needs a name of at most 100 characters");
        }
        name = name.trim();
    }
}
