package dev.frontdesk.shared.web;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every API failure as an RFC 9457 problem ({@code application/problem+json}) with a stable
 * {@code type}, the request id, and never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Map<Integer, String[]> GENERIC = Map.of(
            400, new String[] {"bad-request", "Bad request"},
            401, new String[] {"unauthorized", "Unauthorized"},
            403, new String[] {"forbidden", "Forbidden"},
            404, new String[] {"not-found", "Not found"},
            405, new String[] {"method-not-allowed", "Method not allowed"},
            406, new String[] {"not-acceptable", "Not acceptable"},
            413, new String[] {"payload-too-large", "Request too large"},
            415, new String[] {"unsupported-media-type", "Unsupported media type"},
            500, new String[] {"internal-error", "Internal error"},
            503, new String[] {"unavailable", "Service unavailable"});

    @ExceptionHandler(FrontdeskException.class)
    ResponseEntity<ProblemDetail> frontdesk(FrontdeskException e) {
        return respond(e.toProblem());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> error(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(validationProblem(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' has an invalid value");
        problem.setType(type("invalid-parameter"));
        problem.setTitle("Invalid parameter");
        return respond(problem);
    }

    /**
     * The database cannot be reached (refused connections, pool exhausted, timeouts): a 503 the client may
     * retry, after the pool's short connection timeout rather than a hang.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.error(
                "The database is unavailable ({} {}): {}",
                request.getMethod(),
                LogSafe.of(request.getRequestURI()),
                LogSafe.of(e.getMessage()));
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The service is briefly unavailable; try again in a few seconds");
        problem.setType(type("unavailable"));
        problem.setTitle("Service unavailable");
        decorate(problem);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * A body in a content type the operation cannot read into its type (e.g. XML for a JSON document):
     * 415, not a 500.
     */
    @ExceptionHandler(HttpMessageConversionException.class)
    ResponseEntity<ProblemDetail> unreadableContentType(HttpMessageConversionException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as JSON (Content-Type: application/json)");
        problem.setType(type("unsupported-media-type"));
        problem.setTitle("Unsupported media type");
        return respond(problem);
    }

    /** A write refused by a constraint because of a concurrent change: the client may retry; never a 500. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflictingWrite(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn(
                "A write on {} {} was refused by a database constraint: {}",
                request.getMethod(),
                LogSafe.of(request.getRequestURI()),
                LogSafe.of(e.getMostSpecificCause().getClass().getSimpleName()));
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The change conflicts with another change made at the same time; try again");
        problem.setType(type("conflict"));
        problem.setTitle("Conflicting change");
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), LogSafe.of(request.getRequestURI()), e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the request id if you contact support.");
        problem.setType(type("internal-error"));
        problem.setTitle("Internal error");
        return respond(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> error(f.getField(), f.getDefaultMessage()))
                .toList();
        return asObject(respond(validationProblem(errors)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> error(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return asObject(respond(validationProblem(errors)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && servlet.getRequest().getAttribute(RequestSizeLimitFilter.BODY_TOO_LARGE) != null) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the limit");
            problem.setType(type("payload-too-large"));
            problem.setTitle("Request too large");
            return asObject(respond(problem));
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, readableReason(ex));
        problem.setType(type("malformed-body"));
        problem.setTitle("Malformed request body");
        return asObject(respond(problem));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (entity != null && entity.getBody() instanceof ProblemDetail problem) {
            decorate(problem);
            return ResponseEntity.status(entity.getStatusCode())
                    .headers(entity.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return entity;
    }

    private static String readableReason(HttpMessageNotReadableException ex) {
        String message = ex.getMostSpecificCause().getMessage();
        if (message == null) {
            return "The request body could not be read";
        }
        if (message.contains("Unrecognized property") || message.contains("Unrecognized field")) {
            int start = message.indexOf('"');
            int end = start < 0 ? -1 : message.indexOf('"', start + 1);
            if (end > start) {
                return "Unknown field " + message.substring(start, end + 1);
            }
        }
        if (message.contains("Required request body is missing") || message.contains("No content")) {
            return "A JSON request body is required";
        }
        return "The request body is not valid JSON for this operation";
    }

    private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
        problem.setType(type("validation"));
        problem.setTitle("Validation failed");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> error(String field, @Nullable String message) {
        var error = new LinkedHashMap<String, String>();
        error.put("field", field);
        error.put("message", message == null ? "is invalid" : message);
        return error;
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        decorate(problem);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void decorate(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            String[] generic =
                    GENERIC.getOrDefault(problem.getStatus(), GENERIC.get(problem.getStatus() >= 500 ? 500 : 400));
            problem.setType(type(generic[0]));
            if (problem.getTitle() == null) {
                problem.setTitle(generic[1]);
            }
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static URI type(String slug) {
        return URI.create(FrontdeskException.TYPE_BASE + slug);
    }
}
