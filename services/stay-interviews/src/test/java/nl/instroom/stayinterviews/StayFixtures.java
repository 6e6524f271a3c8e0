package nl.instroom.stayinterviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Requests school HR sends, with words that must never leave the service: a name, answers and notes. Tests look for
 * each of them in what was published and stored.
 */
public final class StayFixtures {

    public static final String INTERVIEWER = "Marieke Jansen";
    public static final String LOOKING_FORWARD = "De eindexamenklas van 6 vwo";
    public static final String LEARNING = "Differentiëren met Snappet";
    public static final String WHY_STAY = "Het bètateam is hecht";
    public static final String THOUGHT_OF_LEAVING = "In maart, toen de roosters veranderden";
    public static final String BETTER = "Minder surveillances";
    public static final String NOTE = "Overweegt aanbod van Windesheim";
    public static final String ACTION = "Gesprek over lestaak plannen";
    public static final String ACTION_OWNER = "Pieter de Graaf";

    /** Everything free-text a test submitted; none of it may appear outside HR's own view. */
    public static final List<String> SECRETS = List.of(INTERVIEWER, LOOKING_FORWARD, LEARNING, WHY_STAY,
            THOUGHT_OF_LEAVING, BETTER, NOTE, ACTION, ACTION_OWNER, "Marieke", "Jansen", "Windesheim");

    private StayFixtures() {
    }

    public static String aTeacher(String staffRef, String fte) {
        return """
                {"staffRef":"%s","role":"docent","subject":"wiskunde","fte":%s,"yearsInService":7}"""
                .formatted(staffRef, fte);
    }

    public static String anInterview(String intent, int satisfaction, int workload, String ambitions) {
        return """
                {"heldOn":"%s","interviewer":"%s",
                 "answers":{"lookingForwardTo":"%s","learning":"%s","whyStay":"%s","lastThoughtOfLeaving":"%s",
                            "whatWouldMakeTheJobBetter":"%s"},
                 "workload":%d,"satisfaction":%d,"intentToStay":"%s","ambitions":%s,
                 "actions":[{"description":"%s","owner":"%s","dueOn":"%s"}],
                 "notes":"%s"}""".formatted(LocalDate.now().minusDays(1), INTERVIEWER, LOOKING_FORWARD, LEARNING,
                WHY_STAY, THOUGHT_OF_LEAVING, BETTER, workload, satisfaction, intent, ambitions, ACTION, ACTION_OWNER,
                LocalDate.now().plusWeeks(3), NOTE);
    }

    public static ResponseEntity<String> post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    public static void register(RestClient hr, String school, String staffRef, String fte) {
        ResponseEntity<String> response = post(hr, "/api/schools/" + school + "/staff", aTeacher(staffRef, fte));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }

    public static void interview(RestClient hr, String school, String staffRef, String body) {
        ResponseEntity<String> response = post(hr, "/api/schools/" + school + "/staff/" + staffRef + "/interviews",
                body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }

    /** The record's value and every header as text, to search for what must not be there. */
    public static String everythingIn(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder(record.key() == null ? "" : record.key())
                .append('\n').append(new String(record.value(), StandardCharsets.UTF_8));
        record.headers().forEach(header -> text.append('\n').append(header.key()).append('=')
                .append(new String(header.value(), StandardCharsets.UTF_8)));
        return text.toString();
    }
}
