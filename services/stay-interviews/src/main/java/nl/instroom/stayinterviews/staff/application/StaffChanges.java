package nl.instroom.stayinterviews.staff.application;

/**
 * Told right after a change to a school's staff is stored (an interview held, a leaving date recorded, an employee
 * removed). The retention risk implements it: risk reads staff, so staff must not know risk back, or the two
 * capabilities could only change together.
 */
public interface StaffChanges {

    /**
     * Called once the change is stored; must not throw for a failure of its own, as the caller would take that for
     * a failed change and repeat it.
     */
    void afterChange(String schoolCode);
}
