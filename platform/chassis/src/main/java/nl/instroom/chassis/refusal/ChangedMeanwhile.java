package nl.instroom.chassis.refusal;

/**
 * A conditional write found the record changed since it was read (409): another request or instance was first.
 * Use cases that retry or skip such a record catch this type, and only this.
 */
public class ChangedMeanwhile extends NotPossibleNow {

    public ChangedMeanwhile(String message) {
        super(message);
    }
}
