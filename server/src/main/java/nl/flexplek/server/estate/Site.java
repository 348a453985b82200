package nl.flexplek.server.estate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An office building: where it is, its time zone, when it is open and its floors. Opening hours and closure days
 * are in the site's local time; everything that turns them into instants goes through {@link #zone()}.
 */
public record Site(String id, String name, String address, ZoneId timeZone, List<OpeningHours> openingHours,
                   List<ClosureDay> closures, List<Floor> floors) {
    public Site {
        Ids.require(id, "site id");
        name = Ids.text(name, "site name", 200);
        address = address == null ? "" : address.strip();
        if (timeZone == null) {
            throw new IllegalArgumentException("timeZone is required, e.g. Europe/Amsterdam");
        }
        openingHours = openingHours == null ? List.of()
                : openingHours.stream().sorted(Comparator.comparing(OpeningHours::day)).toList();
        Set<Object> days = new HashSet<>();
        for (OpeningHours hours : openingHours) {
            if (!days.add(hours.day())) {
                throw new IllegalArgumentException("openingHours lists " + hours.dayName() + " twice");
            }
        }
        closures = closures == null ? List.of()
                : closures.stream().sorted(Comparator.comparing(ClosureDay::date)).toList();
        floors = floors == null ? List.of() : List.copyOf(floors);
    }

    public ZoneId zone() {
        return timeZone;
    }

    /** The opening hours on a local date, or empty when the site is closed that day. */
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        if (closureOn(date).isPresent()) {
            return Optional.empty();
        }
        return openingHours.stream().filter(h -> h.day() == date.getDayOfWeek()).findFirst();
    }

    public Optional<ClosureDay> closureOn(LocalDate date) {
        return closures.stream().filter(c -> c.date().equals(date)).findFirst();
    }

    public Optional<Floor> floor(String floorId) {
        return floors.stream().filter(f -> f.id().equals(floorId)).findFirst();
    }
}
