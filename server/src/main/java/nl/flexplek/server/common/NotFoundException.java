package nl.flexplek.server.common;

/** The thing asked for does not exist, or the caller may not know that it does: 404. */
public class NotFoundException extends ProblemException {
    public NotFoundException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.NOT_FOUND;
    }
}
