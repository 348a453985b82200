package nl.flexplek.server.board;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.flexplek.server.booking.Booking;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Floor;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.occupancy.LiveState;
import nl.flexplek.server.occupancy.OccupancyService;
import nl.flexplek.server.occupancy.ResourceState;

/**
 * Builds what a screen shows of a site: the whole board, or one resource's entry after it changed. Combines the
 * estate, the live states and today's bookings (their times only). Safe to call from any thread.
 */
public final class BoardService {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int NEXT_SLOTS = 3;

    private final EstateService estate;
    private final OccupancyService occupancy;
    private final BookingService bookings;
    private final Clock clock;

    public BoardService(EstateService estate, OccupancyService occupancy, BookingService bookings, Clock clock) {
        this.estate = estate;
        this.occupancy = occupancy;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** The whole board of a site; {@code baseUrl} is where phones reach the staff app (no trailing slash). */
    public Board board(String siteId, String baseUrl, String lastEventId) {
        Site site = estate.site(siteId);
        Estate snapshot = estate.estate();
        Instant now = clock.instant();
        Map<String, LiveState> live = occupancy.site(siteId).stream()
                .collect(Collectors.toMap(LiveState::resourceId, s -> s, (a, b) -> b));
        Map<String, List<Booking>> today = bookings.activeBetween(null, now, endOfDay(site, now)).stream()
                .collect(Collectors.groupingBy(Booking::resourceId));

        List<Board.FloorBoard> floors = new ArrayList<>();
        List<Resource> desks = snapshot.resourcesAt(siteId, ResourceType.DESK);
        for (Floor floor : site.floors()) {
            List<DeskEntry> onFloor = desks.stream().filter(d -> floor.id().equals(d.floorId()))
                    .sorted(Comparator.comparing(Resource::name))
                    .map(d -> desk(d, live.get(d.id()), now)).toList();
            floors.add(new Board.FloorBoard(floor.id(), floor.name(), floor.level(),
                    floor.zones().stream().map(z -> new Board.ZoneSummary(z.id(), z.name())).toList(), onFloor));
        }
        List<RoomEntry> rooms = snapshot.resourcesAt(siteId, ResourceType.ROOM).stream()
                .sorted(Comparator.comparing(Resource::name))
                .map(r -> room(r, live.get(r.id()), today.getOrDefault(r.id(), List.of()), now)).toList();
        List<VehicleEntry> vehicles = new ArrayList<>();
        for (ResourceType type : List.of(ResourceType.EBIKE, ResourceType.ECAR)) {
            snapshot.resourcesAt(siteId, type).stream().sorted(Comparator.comparing(Resource::name))
                    .map(v -> vehicle(v, live.get(v.id()), today.getOrDefault(v.id(), List.of()), now))
                    .forEach(vehicles::add);
        }
        return new Board(new Board.SiteSummary(site.id(), site.name(), site.timeZone().getId(), site.address()),
                now, lastEventId, openingToday(site, now), links(siteId, baseUrl), floors, rooms, vehicles);
    }

    /** The current entry of one resource, or empty when it is no longer in the estate. */
    public Optional<BoardEntry> entry(String resourceId) {
        Optional<Resource> found = estate.estate().resource(resourceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Resource resource = found.get();
        Instant now = clock.instant();
        LiveState live = occupancy.resource(resourceId).orElse(null);
        if (resource.type() == ResourceType.DESK) {
            return Optional.of(desk(resource, live, now));
        }
        Site site = estate.site(resource.siteId());
        List<Booking> today = bookings.activeBetween(resourceId, now, endOfDay(site, now));
        return Optional.of(resource.type() == ResourceType.ROOM ? room(resource, live, today, now)
                : vehicle(resource, live, today, now));
    }

    /** The site a resource belongs to, if it exists. */
    public Optional<String> siteOf(String resourceId) {
        return estate.estate().resource(resourceId).map(Resource::siteId);
    }

    private static DeskEntry desk(Resource desk, LiveState live, Instant now) {
        return new DeskEntry(desk.id(), desk.name(), desk.floorId(), desk.zoneId(),
                desk.position() == null ? null : desk.position().x(), desk.position() == null ? null : desk.position().y(),
                desk.features(), state(desk, live), since(live, now));
    }

    private static RoomEntry room(Resource room, LiveState live, List<Booking> today, Instant now) {
        Schedule schedule = Schedule.of(today, now, false);
        ResourceState state = state(room, live);
        return new RoomEntry(room.id(), room.name(), room.floorId(), room.capacity(), room.features(), state,
                since(live, now), schedule.freeUntil(), schedule.busyUntil(), schedule.next());
    }

    private static VehicleEntry vehicle(Resource vehicle, LiveState live, List<Booking> today, Instant now) {
        Schedule schedule = Schedule.of(today, now, true);
        return new VehicleEntry(vehicle.id(), vehicle.name(), vehicle.type(), state(vehicle, live), since(live, now),
                live == null ? null : live.soc(), live == null ? null : live.plugged(), vehicle.rangeKm(),
                schedule.freeUntil(), schedule.busyUntil());
    }

    private static ResourceState state(Resource resource, LiveState live) {
        if (Boolean.FALSE.equals(resource.inService())) {
            return ResourceState.OUT_OF_SERVICE;
        }
        return live == null ? ResourceState.FREE : live.state();
    }

    private static Instant since(LiveState live, Instant now) {
        return live == null || live.since() == null ? now : live.since();
    }

    private static Board.OpeningToday openingToday(Site site, Instant now) {
        LocalDate date = now.atZone(site.timeZone()).toLocalDate();
        Optional<String> closure = site.closureOn(date).map(c -> c.reason());
        Optional<OpeningHours> hours = site.hoursOn(date);
        return hours.map(h -> new Board.OpeningToday(date, true, h.opens().format(HH_MM), h.closes().format(HH_MM), null))
                .orElseGet(() -> new Board.OpeningToday(date, false, null, null, closure.orElse(null)));
    }

    private static Board.Links links(String siteId, String baseUrl) {
        return new Board.Links(baseUrl + "/find?site=" + siteId, "/api/v1/sites/" + siteId + "/board/qr.svg",
                baseUrl + "/d/{resourceId}");
    }

    private static Instant endOfDay(Site site, Instant now) {
        ZoneId zone = site.timeZone();
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Today's bookings of a room or vehicle seen from now: what holds it now and what comes next. */
    private record Schedule(Instant freeUntil, Instant busyUntil, List<TimeSlot> next) {
        static Schedule of(List<Booking> bookings, Instant now, boolean withTurnaround) {
            List<Booking> sorted = bookings.stream().sorted(Comparator.comparing(Booking::startsAt)).toList();
            Instant busyUntil = null;
            for (Booking b : sorted) {
                Instant until = withTurnaround && b.blockedUntil() != null ? b.blockedUntil() : b.endsAt();
                boolean holdsNow = !b.startsAt().isAfter(now) && until.isAfter(now);
                boolean continues = busyUntil != null && !b.startsAt().isAfter(busyUntil);
                if (holdsNow || continues) {
                    busyUntil = busyUntil == null || until.isAfter(busyUntil) ? until : busyUntil;
                }
            }
            Instant freeFrom = busyUntil == null ? now : busyUntil;
            Instant freeUntil = sorted.stream().map(Booking::startsAt).filter(start -> !start.isBefore(freeFrom))
                    .findFirst().orElse(null);
            List<TimeSlot> next = sorted.stream().filter(b -> b.startsAt().isAfter(now)).limit(NEXT_SLOTS)
                    .map(b -> new TimeSlot(b.startsAt(), b.endsAt())).toList();
            return new Schedule(busyUntil == null ? freeUntil : null, busyUntil, next);
        }
    }
}
