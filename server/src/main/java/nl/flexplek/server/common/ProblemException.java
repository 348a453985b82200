package nl.flexplek.server.common;

import java.util.List;

/**
 * A failure the client can act on, answered as RFC 9457 problem+json. Each subclass is one kind of problem with
 * a stable {@code type} and a fixed title; the message is the occurrence's detail and must never hold internals.
 */
public abstract class ProblemException extends RuntimeException {
    private final List<FieldError> fieldErrors;

    protected ProblemException(String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    protected ProblemException(String detail) {
        this(detail, List.of());
    }

    /** The kind of problem: its HTTP status, type slug and title. */
    public abstract ProblemKind kind();

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One invalid input field: where it is (a JSON pointer or parameter name) and what is wrong with it. */
    public record FieldError(String name, String reason) {
    }
}
