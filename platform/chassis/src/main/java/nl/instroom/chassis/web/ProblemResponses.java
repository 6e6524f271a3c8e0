package nl.instroom.chassis.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into {@code application/problem+json}. Spring's own handler covers the framework errors
 * (unsupported media type, missing parameters, ...); this adds the field list for validation errors, a readable
 * title for unreadable bodies, the domain's typed refusals ({@code nl.instroom.chassis.refusal}: 400, 404, 409),
 * 503 when the store cannot be reached, and a 500 with a correlation id for everything else. Only a refusal's own
 * message reaches the caller; no other exception's message or class ever does.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final Tracer tracer;

    public ProblemResponses(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer.getIfAvailable();
    }

    /** One rejected field and why. */
    public record InvalidField(String field, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), reason(error)))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                fields.size() + " field(s) are not valid", "validation");
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                        "Request body too large", "The body may be at most " + tooLarge.maxBytes + " bytes.",
                        "too-large"));
            }
        }
        // The parser's message may quote the body: keep only its kind, which is what a client can act on.
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The body is not valid JSON for this request, or a value has the wrong type or an unknown enum value.",
                "malformed-body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(ConstraintViolationException ex) {
        List<InvalidField> fields = ex.getConstraintViolations().stream()
                .map(violation -> new InvalidField(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                fields.size() + " parameter(s) are not valid", "validation");
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Anything unforeseen is a fault of ours: logged with its stack trace and a correlation id (the trace id, or a
     * new one without a trace), answered with only that id, never the exception's message or class.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        String correlationId = correlationId();
        log.error("Unexpected error while handling a request (correlation id {})", correlationId, ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Nothing was changed if the request was a write that did not "
                        + "answer with success. Quote the correlation id when you report it.", "internal");
        problem.setProperty("correlationId", correlationId);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** The store cannot be reached: the caller may try again shortly; the cause stays in the log. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
        MongoSocketException.class, MongoTimeoutException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
        String correlationId = correlationId();
        log.error("The store is unavailable (correlation id {})", correlationId, ex);
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "The service cannot reach its data right now. Nothing was changed; try again shortly.", "unavailable");
        problem.setProperty("correlationId", correlationId);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), "not-found"));
    }

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", ex.getMessage(), "too-large"));
    }

    /** The domain's own refusals, and only those, carry their message to the caller. */
    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> rejectedByDomain(InvalidRequest ex) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Request rejected", ex.getMessage(), "rejected"));
    }

    @ExceptionHandler(NotPossibleNow.class)
    ResponseEntity<ProblemDetail> notNow(NotPossibleNow ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "Not possible in the current state", ex.getMessage(), "state"));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict",
                "The resource was changed by someone else, or already exists. Reload it and try again.", "conflict"));
    }

    private String correlationId() {
        Span span = tracer == null ? null : tracer.currentSpan();
        return span != null ? span.context().traceId() : UUID.randomUUID().toString();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://instroom.nl/problems/" + type));
        return problem;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

}
