package nl.flexplek.server.insights;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Floor;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.estate.Zone;
import nl.flexplek.server.occupancy.LiveState;
import nl.flexplek.server.occupancy.OccupancyService;
import nl.flexplek.server.occupancy.ResourceState;
import nl.flexplek.server.occupancy.SensorStatus;
import nl.flexplek.server.occupancy.SensorView;

/**
 * What facility managers see of how the buildings are used: a site right now, utilization over a period (heatmap,
 * day series, peak days, zones), vehicle use, and the day figures behind the CSV export. Reads only.
 */
public final class InsightsService {
    /** The longest period one request may cover, in days. */
    static final int MAX_DAYS = 366;
    private static final int PEAK_DAYS = 5;

    private final Database db;
    private final Clock clock;
    private final EstateService estate;
    private final OccupancyService occupancy;
    private final UsageHistory history;

    public InsightsService(Database db, Clock clock, EstateService estate, OccupancyService occupancy) {
        this.db = db;
        this.clock = clock;
        this.estate = estate;
        this.occupancy = occupancy;
        this.history = new UsageHistory(db, clock);
    }

    /** One day's figures for a site or zone, as the export writes them. */
    public record DailyRow(String siteId, String siteName, String zoneId, String zoneName, ResourceType type,
                           int resources, Utilization.DayFigures figures) {
    }

    /** The site now: desks and rooms per floor from the live state, today's outcomes, vehicles and sensor health. */
    public Today today(String siteId) {
        Site site = site(siteId);
        Instant now = clock.instant();
        ZoneId zone = site.zone();
        LocalDate date = now.atZone(zone).toLocalDate();
        Map<String, LiveState> live = new HashMap<>();
        occupancy.site(site.id()).forEach(s -> live.put(s.resourceId(), s));
        List<Resource> resources = estate.estate().resourcesAt(site.id(), null);

        List<Today.FloorNow> floors = new ArrayList<>();
        for (Floor floor : site.floors()) {
            floors.add(floorNow(floor.id(), floor.name(), floor.level(),
                    resources.stream().filter(r -> floor.id().equals(r.floorId())).toList(), live));
        }
        Today.FloorNow totals = floorNow(null, null, null, resources, live);

        InsightsDao.DayCounts counts = db.read(InsightsDao.class, dao -> dao.counts(site.id(),
                date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant()));

        List<Today.VehicleNow> vehicles = new ArrayList<>();
        for (Resource r : resources) {
            if (r.type().isVehicle()) {
                LiveState s = live.get(r.id());
                vehicles.add(new Today.VehicleNow(r.id(), r.name(), r.type(), s == null ? null : s.state(),
                        s == null ? null : s.soc(), s == null ? null : s.plugged()));
            }
        }
        return new Today(site.id(), date, now, totals, floors, counts.bookings(), counts.checkedIn(),
                counts.noShows(), vehicles, sensorHealth(site.id()));
    }

    private static Today.FloorNow floorNow(String id, String name, Integer level, List<Resource> resources,
                                           Map<String, LiveState> live) {
        int desks = 0;
        int booked = 0;
        int occupied = 0;
        int walkIns = 0;
        int free = 0;
        int offline = 0;
        int rooms = 0;
        int roomsInUse = 0;
        for (Resource r : resources) {
            LiveState s = live.get(r.id());
            ResourceState state = s == null ? null : s.state();
            boolean inUse = state == ResourceState.IN_USE || state == ResourceState.WALK_IN;
            if (r.type() == ResourceType.DESK) {
                desks++;
                booked += state == ResourceState.BOOKED || state == ResourceState.IN_USE ? 1 : 0;
                occupied += inUse ? 1 : 0;
                walkIns += state == ResourceState.WALK_IN ? 1 : 0;
                free += state == ResourceState.FREE ? 1 : 0;
                offline += s != null && s.sensor() != null && s.sensor().status() == SensorStatus.OFFLINE ? 1 : 0;
            } else if (r.type() == ResourceType.ROOM) {
                rooms++;
                roomsInUse += inUse ? 1 : 0;
            }
        }
        return new Today.FloorNow(id, name, level, desks, booked, occupied, walkIns, free, offline, rooms, roomsInUse);
    }

    private Today.SensorHealth sensorHealth(String siteId) {
        int total = 0;
        int ok = 0;
        int low = 0;
        int offline = 0;
        int unassigned = 0;
        for (SensorView sensor : occupancy.sensors()) {
            if (sensor.resourceId() == null) {
                unassigned++;
            } else if (siteId.equals(sensor.siteId())) {
                total++;
                switch (sensor.status()) {
                    case OK -> ok++;
                    case LOW_BATTERY -> low++;
                    case OFFLINE -> offline++;
                }
            }
        }
        return new Today.SensorHealth(total, ok, low, offline, unassigned);
    }

    /** Utilization of a site's resources of one type (desks by default), optionally in one zone, over a period. */
    public Utilization utilization(String siteId, LocalDate from, LocalDate to, String zoneId, ResourceType type) {
        Site site = site(siteId);
        Period period = Period.of(from, to, MAX_DAYS);
        ResourceType scopeType = type == null ? ResourceType.DESK : type;
        if (zoneId != null && zones(site).stream().noneMatch(z -> z.id().equals(zoneId))) {
            throw InvalidRequestException.field("zoneId", "there is no zone '" + zoneId + "' at " + site.id());
        }
        List<Resource> scope = estate.estate().resourcesAt(site.id(), scopeType).stream()
                .filter(r -> zoneId == null || zoneId.equals(r.zoneId())).toList();
        UsageLedger ledger = history.ledger(site, period, scope, scopeType);

        UsageLedger.Totals all = ledger.totals();
        int openDays = 0;
        List<Utilization.DayFigures> days = new ArrayList<>();
        for (int d = 0; d < period.days(); d++) {
            openDays += ledger.open(d) ? 1 : 0;
            days.add(dayFigures(period.day(d), ledger.open(d), ledger.totals(d, d + 1, r -> true)));
        }
        Utilization.Summary summary = new Utilization.Summary(openDays, all.resourceHours(), all.bookedPercent(),
                all.occupiedPercent(), all.bookings(), all.checkedIn(), all.noShows(), all.cancelled(), all.walkIns(),
                noShowPercent(all), Figures.percent(all.walkIns(), all.walkIns() + all.checkedIn()));
        List<Utilization.DayFigures> peaks = days.stream()
                .filter(d -> d.open() && d.bookedPercent() != null)
                .sorted(Comparator.comparing(Utilization.DayFigures::bookedPercent).reversed()
                        .thenComparing(Utilization.DayFigures::date))
                .limit(PEAK_DAYS).toList();
        return new Utilization(site.id(), scopeType, zoneId, period.from(), period.to(), site.zone(), scope.size(),
                summary, heatmap(ledger), days, peaks, zoneFigures(site, ledger));
    }

    private static Utilization.Heatmap heatmap(UsageLedger ledger) {
        int first = ledger.firstHour();
        int width = Math.max(0, ledger.endHour() - first);
        long[][] booked = new long[7][width];
        long[][] occupied = new long[7][width];
        long[][] capacity = new long[7][width];
        long[][] elapsed = new long[7][width];
        List<Set<LocalDate>> days = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            days.add(new HashSet<>());
        }
        for (UsageLedger.SlotTotals t : ledger.slots()) {
            int w = t.slot().weekday().ordinal();
            int h = t.slot().hour() - first;
            if (h < 0 || h >= width) {
                continue;
            }
            booked[w][h] += t.booked();
            occupied[w][h] += t.occupied();
            capacity[w][h] += t.capacity();
            elapsed[w][h] += t.elapsedCapacity();
            days.get(w).add(t.slot().date());
        }
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < width; h++) {
            hours.add(first + h);
        }
        List<Utilization.HeatmapRow> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int w = day.ordinal();
            List<Double> bookedRow = new ArrayList<>();
            List<Double> occupiedRow = new ArrayList<>();
            for (int h = 0; h < width; h++) {
                bookedRow.add(Figures.percent(booked[w][h], capacity[w][h]));
                occupiedRow.add(Figures.percent(occupied[w][h], elapsed[w][h]));
            }
            rows.add(new Utilization.HeatmapRow(Figures.weekday(day), days.get(w).size(), bookedRow, occupiedRow));
        }
        return new Utilization.Heatmap(hours, rows);
    }

    private static List<Utilization.ZoneFigures> zoneFigures(Site site, UsageLedger ledger) {
        List<Utilization.ZoneFigures> out = new ArrayList<>();
        for (Floor floor : site.floors()) {
            for (Zone zone : floor.zones()) {
                Predicate<Resource> inZone = r -> zone.id().equals(r.zoneId());
                if (ledger.resources().stream().anyMatch(inZone)) {
                    out.add(zoneFigures(zone.id(), zone.name(), floor.id(), ledger.totals(0, ledger.period().days(), inZone)));
                }
            }
        }
        Predicate<Resource> noZone = r -> r.zoneId() == null;
        if (ledger.resources().stream().anyMatch(noZone)) {
            out.add(zoneFigures(null, null, null, ledger.totals(0, ledger.period().days(), noZone)));
        }
        return out;
    }

    private static Utilization.ZoneFigures zoneFigures(String id, String name, String floorId, UsageLedger.Totals t) {
        return new Utilization.ZoneFigures(id, name, floorId, t.resources(), t.bookedPercent(), t.occupiedPercent(),
                t.bookings(), t.checkedIn(), t.noShows(), t.walkIns(), noShowPercent(t));
    }

    private static Utilization.DayFigures dayFigures(LocalDate date, boolean open, UsageLedger.Totals t) {
        return new Utilization.DayFigures(date, Figures.weekday(date.getDayOfWeek()), open, t.resourceHours(),
                t.bookedPercent(), t.occupiedPercent(), t.bookings(), t.checkedIn(), t.noShows(), t.cancelled(),
                t.walkIns());
    }

    /** No-shows among the bookings whose outcome is known: checked in or released as a no-show. */
    private static Double noShowPercent(UsageLedger.Totals t) {
        return Figures.percent(t.noShows(), t.noShows() + t.checkedIn());
    }

    /** Use of the pool vehicles of one site (or of every site with null) over a period. */
    public VehicleUsage vehicles(String siteId, LocalDate from, LocalDate to) {
        List<Site> sites = siteId == null ? List.copyOf(estate.estate().sites().values()) : List.of(site(siteId));
        Period period = Period.of(from, to, MAX_DAYS);
        List<VehicleUsage.VehicleFigures> out = new ArrayList<>();
        for (Site site : sites) {
            List<Resource> vehicles = estate.estate().resourcesAt(site.id(), null).stream()
                    .filter(r -> r.type().isVehicle()).toList();
            if (vehicles.isEmpty()) {
                continue;
            }
            UsageLedger ledger = history.ledger(site, period, vehicles, null);
            for (Resource v : vehicles) {
                UsageLedger.Totals t = ledger.totals(0, period.days(), r -> r.id().equals(v.id()));
                out.add(new VehicleUsage.VehicleFigures(v.id(), v.name(), v.type(), site.id(), t.bookings(),
                        t.checkedIn(), t.noShows(), t.cancelled(), Figures.hours(ledger.heldInPeriod(v.id())),
                        t.bookedPercent(), t.occupiedPercent()));
            }
        }
        return new VehicleUsage(siteId, period.from(), period.to(), out);
    }

    /**
     * Per day of the period, the figures of each site (one site, or all with null) and of each of its zones that
     * has resources of the type.
     */
    public List<DailyRow> daily(String siteId, LocalDate from, LocalDate to, ResourceType type) {
        List<Site> sites = siteId == null ? List.copyOf(estate.estate().sites().values()) : List.of(site(siteId));
        Period period = Period.of(from, to, MAX_DAYS);
        ResourceType scopeType = type == null ? ResourceType.DESK : type;
        List<DailyRow> rows = new ArrayList<>();
        for (Site site : sites.stream().sorted(Comparator.comparing(Site::id)).toList()) {
            List<Resource> scope = estate.estate().resourcesAt(site.id(), scopeType);
            UsageLedger ledger = history.ledger(site, period, scope, scopeType);
            List<Zone> zones = zones(site).stream()
                    .filter(z -> scope.stream().anyMatch(r -> z.id().equals(r.zoneId()))).toList();
            for (int d = 0; d < period.days(); d++) {
                LocalDate date = period.day(d);
                UsageLedger.Totals whole = ledger.totals(d, d + 1, r -> true);
                rows.add(new DailyRow(site.id(), site.name(), null, null, scopeType, whole.resources(),
                        dayFigures(date, ledger.open(d), whole)));
                for (Zone zone : zones) {
                    UsageLedger.Totals t = ledger.totals(d, d + 1, r -> zone.id().equals(r.zoneId()));
                    rows.add(new DailyRow(site.id(), site.name(), zone.id(), zone.name(), scopeType, t.resources(),
                            dayFigures(date, ledger.open(d), t)));
                }
            }
        }
        return rows;
    }

    private static List<Zone> zones(Site site) {
        return site.floors().stream().flatMap(f -> f.zones().stream()).toList();
    }

    private Site site(String siteId) {
        return estate.estate().site(siteId)
                .orElseThrow(() -> InvalidRequestException.field("siteId", "there is no site '" + siteId + "'"));
    }
}
