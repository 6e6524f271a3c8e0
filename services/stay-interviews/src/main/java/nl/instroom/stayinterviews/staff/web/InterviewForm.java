package nl.instroom.stayinterviews.staff.web;

import java.util.List;
import nl.instroom.stayinterviews.staff.domain.Ambition;
import nl.instroom.stayinterviews.staff.domain.IntentToStay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stay-interview form as a client shows it: the questions, the scales, the ambitions, and the warning not to
 * record health information (a special category of personal data that this tool has no basis to keep).
 */
@RestController
class InterviewForm {

    static final String HEALTH_WARNING = "Do not record health information (illness, burn-out, medical or "
            + "psychological details) in answers or notes: it is special-category personal data and does not "
            + "belong in a stay interview record. Notes are encrypted and only your school's HR can read them.";

    record Question(String field, String question) {
    }

    record Form(List<Question> questions, String workloadScale, String satisfactionScale,
            List<IntentToStay> intentToStay, List<Ambition> ambitions, String warning) {
    }

    @GetMapping("/api/stay-interview-form")
    Form form() {
        return new Form(List.of(
                new Question("lookingForwardTo", "What do you look forward to when you come to work?"),
                new Question("learning", "What are you learning here, and what would you like to learn?"),
                new Question("whyStay", "Why do you stay with us?"),
                new Question("lastThoughtOfLeaving", "When did you last think of leaving, and what prompted it?"),
                new Question("whatWouldMakeTheJobBetter", "What would make your job better?")),
                "1 (light) to 5 (far too heavy)", "1 (very dissatisfied) to 5 (very satisfied)",
                List.of(IntentToStay.values()), List.of(Ambition.values()), HEALTH_WARNING);
    }
}
