package nl.flexplek.server.common;

/** The request clashes with the current state (an overlapping booking, a duplicate id): 409. */
public class ConflictException extends ProblemException {
    public ConflictException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.CONFLICT;
    }
}
