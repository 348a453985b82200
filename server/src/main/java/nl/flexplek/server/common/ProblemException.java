package nl.flexplek.server.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on, answered as RFC 9457 problem+json. Each subclass is one kind of problem with
 * a stable {@code type} and a fixed title; the message is the occurrence's detail and must never hold internals.
 * Extension members (RFC 9457 section 3.2) carry machine-readable facts about this occurrence, such as free
 * alternatives to a resource that was taken.
 */
public abstract class ProblemException extends RuntimeException {
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extensions;

    protected ProblemException(String detail, List<FieldError> fieldErrors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.fieldErrors = List.copyOf(fieldErrors);
        // Insertion order is the order the members are written in.
        this.extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    protected ProblemException(String detail, List<FieldError> fieldErrors) {
        this(detail, fieldErrors, Map.of());
    }

    protected ProblemException(String detail) {
        this(detail, List.of());
    }

    /** The kind of problem: its HTTP status, type slug and title. */
    public abstract ProblemKind kind();

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Extra members of the problem body; they never replace the standard ones. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** One invalid input field: where it is (a JSON pointer or parameter name) and what is wrong with it. */
    public record FieldError(String name, String reason) {
    }
}
