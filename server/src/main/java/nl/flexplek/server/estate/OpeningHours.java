package nl.flexplek.server.estate;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A site's opening hours on one weekday, in the site's local time. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public OpeningHours {
        if (day == null || opens == null || closes == null) {
            throw new IllegalArgumentException("day, opens and closes are required");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opens must be before closes");
        }
    }

    @JsonCreator
    static OpeningHours of(@JsonProperty("day") String day, @JsonProperty("opens") String opens,
                           @JsonProperty("closes") String closes) {
        return new OpeningHours(dayOf(day), time(opens, "opens"), time(closes, "closes"));
    }

    @JsonProperty("day")
    String dayName() {
        return day.name().toLowerCase(Locale.ROOT);
    }

    @JsonProperty("opens")
    String opensText() {
        return opens.format(HH_MM);
    }

    @JsonProperty("closes")
    String closesText() {
        return closes.format(HH_MM);
    }

    static DayOfWeek dayOf(String day) {
        if (day == null) {
            throw new IllegalArgumentException("day is required");
        }
        try {
            return DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("day must be a weekday name such as monday");
        }
    }

    static LocalTime time(String text, String what) {
        if (text == null || !text.matches("\\d\\d:\\d\\d")) {
            throw new IllegalArgumentException(what + " must be a local time like 08:30");
        }
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a local time like 08:30");
        }
    }
}
