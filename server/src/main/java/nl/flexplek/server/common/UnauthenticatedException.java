package nl.flexplek.server.common;

/** No valid credentials: 401. */
public class UnauthenticatedException extends ProblemException {
    public UnauthenticatedException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.UNAUTHENTICATED;
    }
}
