package nl.flexplek.server.common;

/** The body is not in a media type the endpoint reads: 415. */
public class UnsupportedMediaTypeException extends ProblemException {
    public UnsupportedMediaTypeException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.UNSUPPORTED_MEDIA_TYPE;
    }
}
