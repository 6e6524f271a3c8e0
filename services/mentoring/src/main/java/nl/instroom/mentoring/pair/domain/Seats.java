package nl.instroom.mentoring.pair.domain;

/**
 * How many pairs a participant has said yes to, against their capacity — one counter per sign-up, taken and given
 * back by single conditional writes, so that concurrent acceptances never take more than the capacity.
 */
public interface Seats {

    /** Takes a seat of the sign-up for the pair; false when all its seats are taken. Taking it twice is one seat. */
    boolean take(String signUpId, int capacity, String pairId);

    /** Gives back the pair's seat, if it held one. */
    void release(String signUpId, String pairId);
}
