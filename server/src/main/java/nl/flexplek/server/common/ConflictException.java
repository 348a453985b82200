package nl.flexplek.server.common;

import java.util.List;
import java.util.Map;

/**
 * The request clashes with the current state (an overlapping booking, a duplicate id): 409. The {@code conflict}
 * member names the kind of clash for clients, such as {@code taken} or {@code already-yours}.
 */
public class ConflictException extends ProblemException {
    public ConflictException(String detail) {
        super(detail);
    }

    /** A conflict with a code and further members, e.g. {@code alternatives}. */
    public ConflictException(String conflict, String detail, Map<String, Object> extensions) {
        super(detail, List.of(), withFirst("conflict", conflict, extensions));
    }

    public ConflictException(String conflict, String detail) {
        this(conflict, detail, Map.of());
    }

    static Map<String, Object> withFirst(String name, Object value, Map<String, Object> rest) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        members.put(name, value);
        members.putAll(rest);
        return members;
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.CONFLICT;
    }
}
