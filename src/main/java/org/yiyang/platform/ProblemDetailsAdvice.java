package org.yiyang.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem details for the API: 400 for a request that cannot be read (malformed JSON, unknown property,
 * wrong type), 422 for a readable request with invalid values, each with {@code errors: [{field, code, message}]}
 * whose codes are stable and whose messages are in the caller's language. Messages never echo submitted values.
 */
// Ahead of Boot's ProblemDetailsExceptionHandler (order 0), which would otherwise answer unreadable requests
// without the field errors.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemDetailsAdvice {
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    ProblemDetailsAdvice(MessageSource messages, org.springframework.context.ApplicationEventPublisher events) {
        this.messages = messages;
        this.events = events;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INPUT", e.problems(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        FieldProblem problem;
        if (cause instanceof UnrecognizedPropertyException u) {
            problem = FieldProblem.of(path(u), "UNKNOWN_PROPERTY");
        } else if (cause instanceof InvalidFormatException f) {
            problem = FieldProblem.of(path(f), "WRONG_TYPE");
        } else if (cause instanceof MismatchedInputException m) {
            problem = FieldProblem.of(path(m), "WRONG_TYPE");
        } else {
            problem = FieldProblem.of("", "MALFORMED");
        }
        return problem(HttpStatus.BAD_REQUEST, "UNREADABLE_REQUEST", List.of(problem), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "UNREADABLE_REQUEST",
                List.of(FieldProblem.of(e.getName(), "WRONG_TYPE")), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "UNREADABLE_REQUEST",
                List.of(FieldProblem.of(e.getParameterName(), "REQUIRED")), request);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException e, HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getFieldErrors().forEach(f -> problems.add(FieldProblem.of(f.getField(), constraintCode(f.getCode()))));
        if (problems.isEmpty()) {
            problems.add(FieldProblem.of("", "INVALID"));
        }
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INPUT", problems, request);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", List.of(), request);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e, HttpServletRequest request) {
        var response = problem(HttpStatus.CONFLICT, e.code(), List.of(), request);
        e.details().forEach((k, v) -> response.getBody().setProperty(k, v));
        return response;
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ProblemDetail> refused(AccessRefused e, HttpServletRequest request) {
        events.publishEvent(e); // the identity module audits every refusal
        return problem(HttpStatus.FORBIDDEN, "ACCESS_REFUSED", List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", List.of(), request);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, List<FieldProblem> problems,
                                                  HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        var body = ProblemDetail.forStatus(status);
        body.setType(URI.create("urn:yiyang:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        body.setTitle(messages.getMessage("problem.title." + code, null, status.getReasonPhrase(), locale));
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldProblem p : problems) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", p.field());
            error.put("code", p.code());
            error.put("message", messages.getMessage("problem." + p.code(), p.args().toArray(), p.code(), locale));
            errors.add(error);
        }
        body.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            body.setDetail(String.valueOf(errors.get(0).get("message")));
        }
        return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }

    private static String path(JacksonException e) {
        var parts = new ArrayList<String>();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                parts.add(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String constraintCode(@Nullable String constraint) {
        if (constraint == null) {
            return "INVALID";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size", "Length" -> "LENGTH";
            case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "OUT_OF_RANGE";
            case "Pattern", "Email" -> "FORMAT";
            case "typeMismatch" -> "WRONG_TYPE";
            default -> "INVALID";
        };
    }
}
