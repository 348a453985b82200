package nl.flexplek.server.common;

import java.util.List;

/** Malformed or invalid input: 400, with the fields that are wrong. */
public class InvalidRequestException extends ProblemException {
    public InvalidRequestException(String detail, List<FieldError> fieldErrors) {
        super(detail, fieldErrors);
    }

    public InvalidRequestException(String detail) {
        super(detail);
    }

    /** One wrong field, told in the detail and in the field list. */
    public static InvalidRequestException field(String name, String reason) {
        return new InvalidRequestException(name + ": " + reason, List.of(new FieldError(name, reason)));
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.INVALID_REQUEST;
    }
}
