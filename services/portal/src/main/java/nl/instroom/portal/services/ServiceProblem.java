package nl.instroom.portal.services;

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

    public List<Map.Entry<String, String>> getFieldErrorList() {
        return List.copyOf(fieldErrors.entrySet());
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
