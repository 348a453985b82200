package nl.flexplek.server.common;

/** The caller is known but may not do this: 403. */
public class ForbiddenException extends ProblemException {
    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.FORBIDDEN;
    }
}
