package nl.flexplek.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An office building as far as the simulator cares: its time zone, when it is open and the days it is closed.
 * Everything else the server knows about a site (address, floors, zones) is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Site(String id, String name, ZoneId timeZone, List<OpeningHours> openingHours, List<Closure> closures) {
    public Site {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a site needs an id");
        }
        if (timeZone == null) {
            throw new IllegalArgumentException("site " + id + " needs a timeZone");
        }
        name = name == null ? id : name;
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    /** When the site is open on a local date; empty on a closed weekday or a closure day. */
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        if (closures.stream().anyMatch(c -> c.date().equals(date))) {
            return Optional.empty();
        }
        return openingHours.stream().filter(h -> h.day() == date.getDayOfWeek()).findFirst();
    }

    /** Opening hours on one weekday, in the site's local time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        public OpeningHours {
            if (day == null || opens == null || closes == null || !opens.isBefore(closes)) {
                throw new IllegalArgumentException("opening hours need a day, and opens before closes");
            }
        }

        // The server writes weekdays in lower case ("monday"); DayOfWeek wants upper case.
        @JsonCreator
        static OpeningHours of(@JsonProperty("day") String day, @JsonProperty("opens") LocalTime opens,
                               @JsonProperty("closes") LocalTime closes) {
            return new OpeningHours(day == null ? null : DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), opens, closes);
        }
    }

    /** A day the site is closed although its weekday has opening hours, such as a public holiday. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closure(LocalDate date, String reason) {
    }
}
