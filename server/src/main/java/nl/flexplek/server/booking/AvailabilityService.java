package nl.flexplek.server.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.ForbiddenException;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.identity.Principal;
import nl.flexplek.server.identity.Role;

/**
 * Finds the resources that are free for a whole slot. One indexed query finds the site's resources that are held
 * (a booking or a vehicle's turnaround overlaps the slot); features, zone and capacity filter the in-memory estate.
 */
public final class AvailabilityService {
    private final Database db;
    private final EstateService estate;
    private final PolicyService policies;
    private final BookingRules rules;

    public AvailabilityService(Database db, EstateService estate, PolicyService policies, BookingSettings settings) {
        this.db = db;
        this.estate = estate;
        this.policies = policies;
        this.rules = new BookingRules(settings);
    }

    public Availability search(Principal who, AvailabilityQuery q) {
        Estate snapshot = estate.estate();
        Site site = snapshot.site(q.siteId())
                .orElseThrow(() -> InvalidRequestException.field("siteId", "there is no site '" + q.siteId() + "'"));
        if (who.is(Role.KIOSK) && !site.id().equals(who.siteId())) {
            throw new ForbiddenException("A kiosk sees only its own site.");
        }
        for (String feature : q.features()) {
            if (!q.type().features().contains(feature)) {
                throw InvalidRequestException.field("features", "'" + feature + "' is not a " + q.type().code() + " feature");
            }
        }
        Slot slot = rules.slot(q.type(), site, q.date(), q.part(), q.start(), q.end());
        // A vehicle needs its own turnaround free after the trip as well.
        Instant heldUntil = slot.end().plus(policies.policy(q.type()).turnaround());
        Set<String> held = new HashSet<>(db.read(BookingDao.class,
                dao -> dao.heldResources(site.id(), q.type(), slot.start(), heldUntil)));
        List<Resource> free = snapshot.resourcesAt(site.id(), q.type()).stream()
                .filter(Resource::inService)
                .filter(r -> !held.contains(r.id()))
                .filter(r -> r.hasFeatures(q.features()))
                .filter(r -> q.zoneId() == null || q.zoneId().equals(r.zoneId()))
                .filter(r -> q.minCapacity() == null || (r.capacity() != null && r.capacity() >= q.minCapacity()))
                .toList();
        ZoneId zone = site.zone();
        return new Availability(site.id(), q.type(), slot.start().atZone(zone).toOffsetDateTime(),
                slot.end().atZone(zone).toOffsetDateTime(), slot.date(), slot.part(), free.size(), free);
    }
}
