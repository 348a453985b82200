package nl.flexplek.server.estate;

import java.util.regex.Pattern;

/** Estate ids are short lower-case slugs, so they read well in URLs, QR codes and sensor mappings. */
final class Ids {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Ids() {
    }

    static String require(String id, String what) {
        if (id == null || !SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 characters a-z, 0-9 and '-', starting with a letter or digit");
        }
        return id;
    }

    static String optional(String id, String what) {
        return id == null ? null : require(id, what);
    }

    static String text(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return value.strip();
    }
}
