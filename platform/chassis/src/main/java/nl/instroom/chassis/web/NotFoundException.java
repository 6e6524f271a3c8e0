package nl.instroom.chassis.web;

import nl.instroom.chassis.refusal.Refusal;

/**
 * Thrown by an application service when the requested resource does not exist or lies outside the caller's scope
 * (404 in both cases, so not even its existence leaks).
 */
public class NotFoundException extends Refusal {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
