package nl.instroom.chassis.web;

/** Thrown by an application service when the requested resource does not exist (or may not be seen). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
