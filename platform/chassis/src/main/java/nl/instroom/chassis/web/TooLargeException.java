package nl.instroom.chassis.web;

/** Thrown when an upload is within the byte limit but holds more than the service takes (rows, field lengths). */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String detail) {
        super(detail);
    }
}
