package nl.flexplek.server.common;

/** An enum whose wire and database form is a fixed lower-case code such as {@code checked-in}. */
public interface Coded {
    String code();

    /** Finds the constant with this code, or says which codes are allowed. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.code());
        }
        throw InvalidRequestException.field(field, "must be one of " + allowed);
    }
}
