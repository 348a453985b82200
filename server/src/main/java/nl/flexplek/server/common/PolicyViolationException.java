package nl.flexplek.server.common;

import java.util.List;

/** Well-formed, but a business rule says no (too far ahead, outside opening hours): 422, naming the rule. */
public class PolicyViolationException extends ProblemException {
    private final String rule;

    public PolicyViolationException(String rule, String detail) {
        super(detail, List.of());
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
