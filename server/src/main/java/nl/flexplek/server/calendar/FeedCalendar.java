package nl.flexplek.server.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.Floor;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.estate.Zone;

/**
 * Writes a person's bookings as an iCalendar feed: one VEVENT per booking with a stable UID, times in UTC (no time
 * zone definitions needed), the resource and site as summary and the site's address, floor and zone as location.
 * A booking released as a no-show stays in the feed as cancelled, so calendars show what happened.
 */
final class FeedCalendar {
    static final String PRODUCT = "-//Flexplek//Flexplek bookings//EN";

    private FeedCalendar() {
    }

    static String write(List<CalendarFeedDao.FeedBooking> bookings, Estate estate, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        // De-facto standard names and refresh hints that Apple, Google and Microsoft calendars read.
        calendar.add(new XProperty("X-WR-CALNAME", "Flexplek"));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        for (CalendarFeedDao.FeedBooking booking : bookings) {
            event(booking, estate, now).ifPresent(calendar::add);
        }
        StringWriter out = new StringWriter();
        try {
            // Not validating here: a calendar app reads what it can, and a refusal would be a 500 for the person.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Optional<VEvent> event(CalendarFeedDao.FeedBooking booking, Estate estate, Instant now) {
        Optional<Resource> found = estate.resource(booking.resourceId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Resource resource = found.get();
        Site site = estate.site(resource.siteId()).orElseThrow();
        VEvent event = new VEvent(booking.startsAt(), booking.endsAt(), resource.name() + " · " + site.name());
        event.add(new Uid("booking-" + booking.id() + "@flexplek"));
        event.replace(new DtStamp(now));
        event.add(new Location(location(resource, site)));
        event.add(new Categories(booking.resourceType().code()));
        event.add(booking.status() == BookingStatus.NO_SHOW ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return Optional.of(event);
    }

    /** Site name, address, floor and zone, as far as they are known. */
    static String location(Resource resource, Site site) {
        StringJoiner parts = new StringJoiner(", ");
        parts.add(site.name());
        if (!site.address().isEmpty()) {
            parts.add(site.address());
        }
        Optional<Floor> floor = Optional.ofNullable(resource.floorId()).flatMap(site::floor);
        floor.ifPresent(f -> parts.add(f.name()));
        floor.flatMap(f -> f.zones().stream().filter(z -> z.id().equals(resource.zoneId())).findFirst())
                .map(Zone::name)
                .ifPresent(parts::add);
        return parts.toString();
    }
}
