package nl.flexplek.server.common;

/** An enum whose wire and database form is a fixed lower-case code such as {@code checked-in}. */
public interface Coded {
    String code();

    /** The constant with this code, if there is one. */
    static <E extends Enum<?> & Coded> java.util.Optional<E> find(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return java.util.Optional.of(constant);
            }
        }
        return java.util.Optional.empty();
    }

    /** Finds the constant with this code, or answers a 400 that names the field and the allowed codes. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code, String field) {
        java.util.Optional<E> found = find(type, code);
        if (found.isPresent()) {
            return found.get();
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.code());
        }
        throw InvalidRequestException.field(field, "must be one of " + allowed);
    }
}
