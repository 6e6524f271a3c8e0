package nl.instroom.portal.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A service said no (or could not be reached): the status, the problem's title and detail, and the fields it
 * found wrong, for the page to show next to what the person typed.
 */
public class ServiceProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(String service, int status, String title, String detail, Map<String, String> fieldErrors) {
        super(service + " answered " + status + ": " + title);
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public String getService() {
        return service;
    }

    public int getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }

    /** The refused fields in a fixed order (by name), so the error summary does not reorder between requests. */
    public List<Map.Entry<String, String>> getFieldErrorList() {
        return fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    /**
     * Whether the service refused this field of its API, or a part of it ({@code subjects} covers
     * {@code subjects[0].subject}): the page marks the form field that fills it.
     */
    public boolean refused(String field) {
        return fieldErrors.keySet().stream().anyMatch(key -> covers(field, key));
    }

    /** {@code "true"} for a refused field, else null, which Thymeleaf's {@code th:attr} leaves out. */
    public String invalid(String field) {
        return refused(field) ? "true" : null;
    }

    /**
     * The ids of a refused field's error texts in the error summary, followed by the ids the field is described by
     * anyway (a hint, a warning), for its {@code aria-describedby}; null when the field was not refused.
     */
    public String describedBy(String field, String... also) {
        List<String> ids = new ArrayList<>();
        fieldErrors.keySet().stream().filter(key -> covers(field, key)).sorted().map(ServiceProblem::idOfError)
                .forEach(ids::add);
        if (ids.isEmpty()) {
            return null;
        }
        ids.addAll(List.of(also));
        return String.join(" ", ids);
    }

    /** The id of one field error's text in the error summary (an instance method: templates may not call static ones). */
    public String errorId(String key) {
        return idOfError(key);
    }

    private static String idOfError(String key) {
        return "error-" + key.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * The id of the form field the error summary links to for a refused API field: the page's own id for it
     * ({@code fieldIds}, by API field; {@code subjects} also covers {@code subjects[0].subject}), else the API
     * field's name, which most forms use as their field's id.
     */
    public String fieldId(String key, Map<String, String> fieldIds) {
        if (fieldIds != null) {
            return fieldIds.entrySet().stream().filter(entry -> covers(entry.getKey(), key))
                    .max(Comparator.comparingInt(entry -> entry.getKey().length())).map(Map.Entry::getValue)
                    .orElse(key);
        }
        return key;
    }

    private static boolean covers(String field, String key) {
        return key.equals(field) || key.startsWith(field + ".") || key.startsWith(field + "[");
    }

    /** The message key for the kind of refusal, so the page can say it in the person's language. */
    public String getKind() {
        if (status == 0) {
            return "problem.unreachable";
        }
        if (status == 400 || status == 422) {
            return "problem.invalid";
        }
        if (status == 401) {
            return "problem.unauthenticated";
        }
        if (status == 403) {
            return "problem.forbidden";
        }
        if (status == 404) {
            return "problem.notFound";
        }
        if (status == 409) {
            return "problem.conflict";
        }
        if (status == 429) {
            return "problem.tooMany";
        }
        return "problem.failed";
    }
}
