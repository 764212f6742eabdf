package dev.frontdesk.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the client can act on. Each one carries a stable problem {@code type}; it is rendered once,
 * as an RFC 9457 problem, by the shared problem handler. Modules extend it with static factories named
 * after the failure.
 */
public class FrontdeskException extends RuntimeException {

    /** Base of every problem {@code type} URI; the suffix is stable per error. */
    public static final String TYPE_BASE = "https://frontdesk.dev/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public FrontdeskException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static FrontdeskException badRequest(String type, String title, String detail) {
        return new FrontdeskException(HttpStatus.BAD_REQUEST, type, title, detail);
    }

    public static FrontdeskException notFound(String what) {
        return new FrontdeskException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    public static FrontdeskException conflict(String type, String title, String detail) {
        return new FrontdeskException(HttpStatus.CONFLICT, type, title, detail);
    }

    public static FrontdeskException unprocessable(String type, String title, String detail) {
        return new FrontdeskException(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail);
    }

    /** A 400 problem listing every invalid field as {@code {"field", "message"}}. */
    public static FrontdeskException validation(java.util.List<FieldError> errors) {
        return badRequest("validation", "Validation failed", "The request has invalid fields")
                .with("errors", errors);
    }

    /** One invalid field of a request, by its JSON path ({@code services[0].name}). */
    public record FieldError(String field, String message) {}

    /** Adds an extra member to the problem (for example {@code alternatives} or {@code errors}). */
    public FrontdeskException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
