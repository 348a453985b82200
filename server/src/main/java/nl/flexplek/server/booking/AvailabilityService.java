package nl.flexplek.server.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;

/**
 * Finds the resources that are free for a whole slot. One indexed query finds the site's resources that are held
 * (a booking or a vehicle's turnaround overlaps the slot); features, zone and capacity filter the in-memory estate.
 * Vehicles come with their charge, from the {@link VehicleCharge} given at start-up. It also finds the alternatives
 * a refused booking offers.
 */
public final class AvailabilityService {
    /** How many alternatives a refusal offers at most. */
    static final int ALTERNATIVES = 3;

    private final Database db;
    private final EstateService estate;
    private final PolicyService policies;
    private final BookingRules rules;
    private final BookingSettings settings;
    private final VehicleCharge charge;

    public AvailabilityService(Database db, EstateService estate, PolicyService policies, BookingSettings settings,
                               VehicleCharge charge) {
        this.db = db;
        this.estate = estate;
        this.policies = policies;
        this.rules = new BookingRules(settings);
        this.settings = settings;
        this.charge = charge;
    }

    public Availability search(Account who, AvailabilityQuery q) {
        Estate snapshot = estate.estate();
        Site site = snapshot.site(q.siteId())
                .orElseThrow(() -> InvalidRequestException.field("siteId", "there is no site '" + q.siteId() + "'"));
        Access.requireSite(who, site.id());
        for (String feature : q.features()) {
            if (!q.type().features().contains(feature)) {
                throw InvalidRequestException.field("features", "'" + feature + "' is not a " + q.type().code() + " feature");
            }
        }
        Slot slot = rules.slot(q.type(), site, q.date(), q.part(), q.start(), q.end());
        List<AvailableResource> free = free(snapshot, site, q.type(), slot).stream()
                .filter(r -> r.hasFeatures(q.features()))
                .filter(r -> q.zoneId() == null || q.zoneId().equals(r.zoneId()))
                .filter(r -> q.minCapacity() == null || (r.capacity() != null && r.capacity() >= q.minCapacity()))
                .map(r -> AvailableResource.of(r, q.type().isVehicle() ? charge.at(r.id(), slot.start()) : VehicleCharge.Charge.NONE))
                .toList();
        ZoneId zone = site.zone();
        return new Availability(site.id(), q.type(), slot.start().atZone(zone).toOffsetDateTime(),
                slot.end().atZone(zone).toOffsetDateTime(), slot.date(), slot.part(), free.size(), free);
    }

    /**
     * Up to three free resources like the one that could not be booked for this slot. Desks: the same day part, the
     * same zone first, then the same floor, then the rest of the site. Rooms: the same room later that day for the same
     * length (when {@code sameResourceLater}), then other rooms at the same time with enough seats, the same floor
     * first and the smallest first. Vehicles: others of the same type for the same trip, the most charged first.
     */
    List<Alternative> alternatives(Resource wanted, Site site, Slot slot, Integer attendees, boolean sameResourceLater) {
        Estate snapshot = estate.estate();
        ZoneId zone = site.zone();
        List<Resource> others = free(snapshot, site, wanted.type(), slot).stream()
                .filter(r -> !r.id().equals(wanted.id()))
                .toList();
        List<Alternative> out = new ArrayList<>();
        switch (wanted.type()) {
            case DESK -> others.stream()
                    .sorted(Comparator.comparingInt((Resource r) -> closeness(wanted, r)).thenComparing(Resource::id))
                    .limit(ALTERNATIVES)
                    .forEach(r -> out.add(alternative(r, slot.start(), slot.end(), zone, null)));
            case ROOM -> {
                if (sameResourceLater) {
                    laterSameDay(wanted, site, slot).ifPresent(later ->
                            out.add(alternative(wanted, later, later.plus(Duration.between(slot.start(), slot.end())), zone, null)));
                }
                int seats = attendees == null ? 1 : attendees;
                others.stream()
                        .filter(r -> r.capacity() != null && r.capacity() >= seats)
                        .sorted(Comparator.comparingInt((Resource r) -> Objects.equals(r.floorId(), wanted.floorId()) ? 0 : 1)
                                .thenComparing(Resource::capacity)
                                .thenComparing(Resource::id))
                        .limit(ALTERNATIVES - out.size())
                        .forEach(r -> out.add(alternative(r, slot.start(), slot.end(), zone, null)));
            }
            case EBIKE, ECAR -> others.stream()
                    .map(r -> new Charged(r, charge.at(r.id(), slot.start()).expectedSoc()))
                    .sorted(Comparator.comparing(Charged::expected, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
                            .thenComparing(c -> c.resource().id()))
                    .limit(ALTERNATIVES)
                    .forEach(c -> out.add(alternative(c.resource(), slot.start(), slot.end(), zone, c.expected())));
        }
        return out;
    }

    /** A vehicle and the charge it is expected to have at the trip's start. */
    private record Charged(Resource resource, Integer expected) {
    }

    /** Resources of a type at a site that are in service and not held during the slot (nor its turnaround). */
    private List<Resource> free(Estate snapshot, Site site, ResourceType type, Slot slot) {
        // A vehicle needs its own turnaround free after the trip as well.
        Instant heldUntil = slot.end().plus(policies.policy(type).turnaround());
        Set<String> held = new HashSet<>(db.read(BookingDao.class,
                dao -> dao.heldResources(site.id(), type, slot.start(), heldUntil)));
        return snapshot.resourcesAt(site.id(), type).stream()
                .filter(Resource::inService)
                .filter(r -> !held.contains(r.id()))
                .toList();
    }

    /** The next start on the room grid, after the wanted one and on the same opening day, when the room is free. */
    private Optional<Instant> laterSameDay(Resource room, Site site, Slot slot) {
        Duration length = Duration.between(slot.start(), slot.end());
        Duration turnaround = policies.policy(room.type()).turnaround();
        LocalDate day = slot.start().atZone(site.zone()).toLocalDate();
        Optional<OpeningHours> hours = site.hoursOn(day);
        if (hours.isEmpty()) {
            return Optional.empty();
        }
        Instant closes = day.atTime(hours.get().closes()).atZone(site.zone()).toInstant();
        List<Booking> taken = db.read(BookingDao.class, dao -> dao.active(room.id(), slot.start(), closes));
        Duration step = Duration.ofMinutes(settings.roomGridMinutes());
        for (Instant start = slot.start().plus(step); !start.plus(length).isAfter(closes); start = start.plus(step)) {
            Instant end = start.plus(length);
            Instant heldUntil = end.plus(turnaround);
            Instant from = start;
            boolean free = taken.stream().noneMatch(b -> b.blockedUntil().isAfter(from) && b.startsAt().isBefore(heldUntil));
            if (free) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    /** 0: the same zone, 1: the same floor, 2: elsewhere at the site. */
    private static int closeness(Resource wanted, Resource other) {
        if (wanted.zoneId() != null && wanted.zoneId().equals(other.zoneId())) {
            return 0;
        }
        return wanted.floorId() != null && wanted.floorId().equals(other.floorId()) ? 1 : 2;
    }

    private static Alternative alternative(Resource r, Instant start, Instant end, ZoneId zone, Integer expectedSoc) {
        return new Alternative(r.id(), r.name(), r.floorId(), r.zoneId(), start.atZone(zone).toOffsetDateTime(),
                end.atZone(zone).toOffsetDateTime(), r.type() == ResourceType.ROOM ? r.capacity() : null, expectedSoc);
    }
}
