package nl.instroom.stayinterviews.keys.application;

import nl.instroom.chassis.approval.FourEyes;

/**
 * A request to delete a school's key (crypto-shredding: all its stored interview text becomes unreadable for good):
 * pending until a second admin approves it, then done, with the number of keys it deleted.
 */
public record KeyDeletion(String requestId, String schoolCode, FourEyes approval, Integer keysDeleted) {
}
