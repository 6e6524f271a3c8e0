package nl.instroom.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Onderwijsloket's demo in the local stack, once: the demo adviser publishes free slots on the next working
 * days, and a demo career switcher (a made-up person on example.org) books one through the public API, which opens
 * a case the adviser then describes — so the route finder, the free slots and the adviser's pages show something.
 */
final class DemoAdvice {

    static final String MARKER = "demo-advice-seeded";
    static final int DAYS = 3;
    static final List<LocalTime> TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(13, 30));
    private static final ZoneId DESK = ZoneId.of("Europe/Amsterdam");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoAdvice() {
    }

    static void seedOnce(Path data, String careerAdvice, String issuer, DemoIdentities identities,
            String portalRedirectUri) throws IOException, InterruptedException {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        String advisor = new DemoSignIn(issuer, portalRedirectUri).accessToken(DemoIdentities.ADVISOR,
                identities.password(DemoIdentities.ADVISOR), identities.secondFactorSecret(DemoIdentities.ADVISOR));
        HttpClient http = HttpClient.newHttpClient();
        List<String> slots = new ArrayList<>();
        LocalDate day = LocalDate.now(DESK);
        while (slots.size() < DAYS * TIMES.size()) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime time : TIMES) {
                String start = day.atTime(time).atZone(DESK).toInstant().toString();
                slots.add(send(http, "POST", careerAdvice + "/api/slots", advisor,
                        Map.of("start", start, "minutes", 30), 201).get("id").asString());
            }
        }
        send(http, "POST", careerAdvice + "/api/advice-requests", null, Map.of("name", "Demo Zij-instromer",
                "email", "demo.zij-instromer@example.org", "question",
                "Ik ben ingenieur en wil wiskunde geven. Welke route past, en waar is de nood het grootst?",
                "consent", true, "retentionMonths", 6, "slotId", slots.get(0)), 201);
        String caseId = send(http, "GET", careerAdvice + "/api/cases", advisor, null, 200).get(0).get("id")
                .asString();
        send(http, "PUT", careerAdvice + "/api/cases/" + caseId + "/profile", advisor,
                Map.of("sector", "VO", "subject", "wiskunde", "pc4", "8011"), 200);
        Files.write(marker, slots);
        System.out.println("  demo data: " + DemoIdentities.ADVISOR + " published " + slots.size()
                + " free slots in career-advice; a demo career switcher booked one (case " + caseId + ")");
    }

    private static tools.jackson.databind.JsonNode send(HttpClient http, String method, String url, String token,
            Object body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Demo advice refused (" + method + " " + url + ": "
                    + response.statusCode() + "): " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
