package nl.flexplek.server.common;

import java.util.List;
import java.util.Map;

/** Well-formed, but a business rule says no (too far ahead, outside opening hours): 422, naming the rule. */
public class PolicyViolationException extends ProblemException {
    private final String rule;

    public PolicyViolationException(String rule, String detail) {
        this(rule, detail, Map.of());
    }

    /** A refusal with further members, e.g. {@code alternatives} to a room that is too small. */
    public PolicyViolationException(String rule, String detail, Map<String, Object> extensions) {
        super(detail, List.of(), extensions);
        this.rule = rule;
    }

    /** The machine-readable name of the rule that was broken, e.g. {@code max-days-ahead}. */
    public String rule() {
        return rule;
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.POLICY_VIOLATION;
    }
}
