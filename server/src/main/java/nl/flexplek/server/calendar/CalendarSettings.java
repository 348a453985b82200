package nl.flexplek.server.calendar;

import java.net.URI;
import java.util.Optional;

/**
 * Calendar feed settings: the public base URL feed addresses start with (unset: the scheme and host the request
 * came in on), the key feed secrets are derived with (unset: one the server generates and keeps in the database),
 * and how many days back a feed reaches.
 */
public record CalendarSettings(Optional<String> publicUrl, Optional<String> feedKey, int pastDays) {
    /** Shorter keys are too easy to guess; 32 characters of a random password are well over 128 bits. */
    static final int MIN_KEY_LENGTH = 32;

    public CalendarSettings {
        publicUrl = publicUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        publicUrl.ifPresent(url -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("flexplek.public-url is not a URL: " + url);
            }
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("flexplek.public-url must be an absolute http(s) URL such as "
                        + "https://flexplek.example.org, not " + url);
            }
        });
        if (feedKey.isPresent() && feedKey.get().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("flexplek.calendar.feed-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        if (pastDays < 0 || pastDays > 366) {
            throw new IllegalArgumentException("flexplek.calendar.past-days must be 0-366");
        }
    }

    @Override
    public String toString() {
        return "CalendarSettings[publicUrl=" + publicUrl + ", feedKey=" + (feedKey.isPresent() ? "(set)" : "(unset)")
                + ", pastDays=" + pastDays + "]";
    }
}
