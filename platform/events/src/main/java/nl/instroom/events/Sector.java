package nl.instroom.events;

/** Sector of education: primary (PO), secondary (VO), special (SO) and vocational (MBO). */
public enum Sector {
    PO, VO, SO, MBO
}
