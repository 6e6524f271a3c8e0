package nl.instroom.chassis.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** 401 and 403 as problem documents, with the bearer challenge a client expects. */
final class ProblemAuthenticationResponses {

    private ProblemAuthenticationResponses() {
    }

    static void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, 401, "Unauthorized", "A valid access token from the Instroom identity server is required.");
    }

    static void scopeMissing(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        write(response, 401, "Unauthorized", "The token's role needs a region or school scope, and it carries none.");
    }

    static void forbidden(HttpServletResponse response) throws IOException {
        write(response, 403, "Forbidden", "Your role does not allow this.");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"https://instroom.nl/problems/" + title.toLowerCase()
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
