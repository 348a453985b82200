package nl.flexplek.server.common;

/** An Idempotency-Key came back with a different request than the one it first made: 422. */
public class IdempotencyKeyReusedException extends ProblemException {
    public IdempotencyKeyReusedException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.IDEMPOTENCY_KEY_REUSED;
    }
}
