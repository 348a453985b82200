package nl.flexplek.server.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.common.PolicyViolationException;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;

/**
 * The booking rules that need no database: turning a request into a slot in the site's local time (DST included),
 * opening hours and closure days, the room grid, how far ahead and how long. Each refusal names its rule.
 */
public final class BookingRules {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final BookingSettings settings;

    public BookingRules(BookingSettings settings) {
        this.settings = settings;
    }

    /** Resolves and checks the requested slot for this resource, including a room's attendees. */
    Slot slot(BookingRequest request, Site site, Resource resource) {
        if (request.attendees() != null) {
            if (resource.type() != ResourceType.ROOM) {
                throw InvalidRequestException.field("attendees", "only rooms take attendees");
            }
            checkAttendees(request.attendees(), resource);
        }
        return slot(resource.type(), site, request.date(), request.part(), request.start(), request.end());
    }

    /**
     * Resolves and checks a slot for a resource type: desks by date and part, the others by start and end; the
     * slot must fit the site's opening hours (and for rooms, the slot grid).
     */
    Slot slot(ResourceType type, Site site, LocalDate date, DayPart part, OffsetDateTime startAt, OffsetDateTime endAt) {
        if (type == ResourceType.DESK) {
            if (startAt != null || endAt != null) {
                throw InvalidRequestException.field("start", "desks are booked by date and part, not start and end");
            }
            if (date == null) {
                throw InvalidRequestException.field("date", "is required for a desk");
            }
            if (part == null) {
                throw InvalidRequestException.field("part", "is required for a desk: day, morning or afternoon");
            }
            return daySlot(site, date, part);
        }
        if (date != null || part != null) {
            throw InvalidRequestException.field("date", "a " + type.code() + " is booked by start and end");
        }
        if (startAt == null) {
            throw InvalidRequestException.field("start", "is required");
        }
        if (endAt == null) {
            throw InvalidRequestException.field("end", "is required");
        }
        Instant start = startAt.toInstant();
        Instant end = endAt.toInstant();
        if (!start.isBefore(end)) {
            throw InvalidRequestException.field("end", "must be after start");
        }
        if (type == ResourceType.ROOM) {
            checkGrid(site, start, "start");
            checkGrid(site, end, "end");
            checkWithinOneOpening(site, start, end);
        } else {
            checkWholeMinute(start, "start");
            checkWholeMinute(end, "end");
            checkOpenAt(site, start, "pick-up");
            checkOpenAt(site, end, "return");
        }
        return new Slot(start, end, null, null);
    }

    /** A desk slot: the day part of the site's opening hours on that local date. */
    public Slot daySlot(Site site, LocalDate date, DayPart part) {
        OpeningHours hours = site.hoursOn(date).orElseThrow(() -> closed(site, date));
        LocalTime opens = hours.opens();
        LocalTime closes = hours.closes();
        LocalTime midday = settings.midday();
        LocalTime from = part == DayPart.AFTERNOON ? max(opens, midday) : opens;
        LocalTime to = part == DayPart.MORNING ? min(closes, midday) : closes;
        if (!from.isBefore(to)) {
            throw new PolicyViolationException("opening-hours", site.name() + " is not open in the " + part.code()
                    + " of " + date + " (open " + hours.opens().format(HH_MM) + "-" + hours.closes().format(HH_MM) + ").");
        }
        return new Slot(ZonedDateTime.of(date, from, site.zone()).toInstant(),
                ZonedDateTime.of(date, to, site.zone()).toInstant(), date, part);
    }

    /** Rules about when the booking is made: not in the past, not too far ahead, not too long. */
    void checkTiming(Slot slot, Site site, BookingPolicy policy, Instant now) {
        if (!slot.end().isAfter(now)) {
            throw new PolicyViolationException("in-the-past", "That time is already over.");
        }
        // Rooms and vehicles may start in the current grid slot, not earlier; desks may be booked for a part in progress.
        if (slot.part() == null && slot.start().isBefore(now.minus(Duration.ofMinutes(settings.roomGridMinutes())))) {
            throw new PolicyViolationException("in-the-past", "The start is in the past.");
        }
        LocalDate today = now.atZone(site.zone()).toLocalDate();
        LocalDate startDate = slot.start().atZone(site.zone()).toLocalDate();
        LocalDate lastDay = today.plusDays(policy.maxDaysAhead());
        if (startDate.isAfter(lastDay)) {
            throw new PolicyViolationException("max-days-ahead", "A " + policy.resourceType().code() + " can be booked at most "
                    + policy.maxDaysAhead() + " days ahead (until " + lastDay + ").");
        }
        Duration length = Duration.between(slot.start(), slot.end());
        if (length.compareTo(policy.maxDuration()) > 0) {
            throw new PolicyViolationException("max-duration", "A " + policy.resourceType().code() + " can be booked for at most "
                    + describe(policy.maxDuration()) + ".");
        }
    }

    private void checkAttendees(int attendees, Resource room) {
        if (attendees < 1) {
            throw InvalidRequestException.field("attendees", "must be at least 1");
        }
        if (attendees > room.capacity()) {
            throw new PolicyViolationException("capacity", room.name() + " seats " + room.capacity() + ", not " + attendees + ".");
        }
    }

    private void checkGrid(Site site, Instant instant, String field) {
        ZonedDateTime local = instant.atZone(site.zone());
        if (local.getMinute() % settings.roomGridMinutes() != 0 || local.getSecond() != 0 || local.getNano() != 0) {
            throw InvalidRequestException.field(field, "rooms are booked in " + settings.roomGridMinutes()
                    + "-minute steps (e.g. 09:00, 09:15)");
        }
    }

    private static void checkWholeMinute(Instant instant, String field) {
        if (instant.getEpochSecond() % 60 != 0 || instant.getNano() != 0) {
            throw InvalidRequestException.field(field, "must be a whole minute");
        }
    }

    private void checkWithinOneOpening(Site site, Instant start, Instant end) {
        ZonedDateTime localStart = start.atZone(site.zone());
        ZonedDateTime localEnd = end.atZone(site.zone());
        LocalDate date = localStart.toLocalDate();
        OpeningHours hours = site.hoursOn(date).orElseThrow(() -> closed(site, date));
        boolean inside = localEnd.toLocalDate().equals(date)
                && !localStart.toLocalTime().isBefore(hours.opens())
                && !localEnd.toLocalTime().isAfter(hours.closes());
        if (!inside) {
            throw new PolicyViolationException("opening-hours", site.name() + " is open " + hours.opens().format(HH_MM)
                    + "-" + hours.closes().format(HH_MM) + " on " + date + "; book inside those hours.");
        }
    }

    private void checkOpenAt(Site site, Instant instant, String what) {
        ZonedDateTime local = instant.atZone(site.zone());
        LocalDate date = local.toLocalDate();
        OpeningHours hours = site.hoursOn(date).orElseThrow(() -> new PolicyViolationException("opening-hours",
                "The " + what + " falls on " + date + ", when " + site.name() + " is closed."));
        LocalTime time = local.toLocalTime();
        if (time.isBefore(hours.opens()) || time.isAfter(hours.closes())) {
            throw new PolicyViolationException("opening-hours", "The " + what + " must be while " + site.name() + " is open ("
                    + hours.opens().format(HH_MM) + "-" + hours.closes().format(HH_MM) + " on " + date + ").");
        }
    }

    private static PolicyViolationException closed(Site site, LocalDate date) {
        String reason = site.closureOn(date).map(c -> c.reason().isEmpty() ? " (closed)" : " (" + c.reason() + ")").orElse("");
        return new PolicyViolationException("closed", site.name() + " is closed on " + date + reason + ".");
    }

    private static String describe(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (60 * 24) == 0) {
            return minutes / (60 * 24) + " day(s)";
        }
        return minutes % 60 == 0 ? minutes / 60 + " hour(s)" : minutes + " minutes";
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime min(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
