package nl.flexplek.server.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

import nl.flexplek.server.common.ConflictException;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.ForbiddenException;
import nl.flexplek.server.common.IdempotencyKeyReusedException;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.common.NotFoundException;
import nl.flexplek.server.common.PolicyViolationException;
import nl.flexplek.server.common.ProblemException;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.identity.Account;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The booking use cases: book, cancel, check in, show and list. Every change runs in the database writer's
 * transaction, where the no-overlap trigger is the last word; what a person sees of a refusal is told here.
 * Staff see and change only their own bookings; facility managers see everyone's.
 */
public final class BookingService {
    private static final Logger LOG = Logger.getLogger(BookingService.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Problem members and the conflict code clients translate. */
    private static final String CONFLICT = "conflict";
    private static final String TAKEN = "taken";
    private static final String ALTERNATIVES = "alternatives";
    /** How far a list of bookings reaches when no end is asked for: past the furthest a policy lets anyone book. */
    private static final int LIST_DAYS = 400;

    private final Database db;
    private final Clock clock;
    private final EstateService estate;
    private final PolicyService policies;
    private final BookingRules rules;
    private final BookingSettings settings;
    private final AvailabilityService availability;
    private final BookingMetrics metrics = new BookingMetrics();
    private final List<Consumer<Booking>> listeners = new CopyOnWriteArrayList<>();

    public BookingService(Database db, Clock clock, EstateService estate, PolicyService policies, BookingSettings settings,
                          AvailabilityService availability) {
        this.db = db;
        this.availability = availability;
        this.clock = clock;
        this.estate = estate;
        this.policies = policies;
        this.rules = new BookingRules(settings);
        this.settings = settings;
    }

    /** Tells the listener about every booking that was made or changed, after the change is committed. */
    public void onChange(Consumer<Booking> listener) {
        listeners.add(listener);
    }

    private void changed(Booking booking) {
        listeners.forEach(listener -> listener.accept(booking));
    }

    /**
     * Books a resource for the caller. With an idempotency key, a retry returns the first booking. A refusal because
     * the resource is taken, out of service or too small offers free {@code alternatives}.
     */
    public BookingResult book(Account who, BookingRequest request, Optional<String> idempotencyKey) {
        Resource resource = estate.estate().resource(request.resourceId())
                .orElseThrow(() -> InvalidRequestException.field("resourceId", "there is no resource '" + request.resourceId() + "'"));
        Site site = estate.site(resource.siteId());
        BookingPolicy policy = policies.policy(resource.type());
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
        if (!resource.inService()) {
            throw new PolicyViolationException("out-of-service", resource.name() + " is out of service.",
                    alternativesFor(resource, site, policy, request, now));
        }
        Slot slot;
        try {
            slot = rules.slot(request, site, resource);
        } catch (PolicyViolationException e) {
            if (!e.rule().equals("capacity")) {
                throw e;
            }
            throw new PolicyViolationException(e.rule(), e.getMessage(), alternativesFor(resource, site, policy, request, now));
        }
        rules.checkTiming(slot, site, policy, now);
        Instant blockedUntil = slot.end().plus(policy.turnaround());
        String requestHash = fingerprint(request);

        Made made;
        try {
            made = db.write(BookingDao.class, dao -> {
                if (idempotencyKey.isPresent()) {
                    Optional<BookingDao.IdempotencyRecord> earlier = dao.idempotencyKey(who.accountId(), idempotencyKey.get());
                    if (earlier.isPresent()) {
                        if (!earlier.get().requestHash().equals(requestHash)) {
                            throw new IdempotencyKeyReusedException("This Idempotency-Key was already used for a different booking request.");
                        }
                        return new Made(dao.byId(earlier.get().bookingId()).orElseThrow(), true);
                    }
                }
                if (dao.countUpcoming(who.accountId(), resource.type(), now) >= policy.maxUpcomingPerPerson()) {
                    throw new PolicyViolationException("max-upcoming", "You can hold at most " + policy.maxUpcomingPerPerson()
                            + " upcoming " + resource.type().code() + " bookings.");
                }
                long id;
                try {
                    id = dao.insert(resource.id(), resource.type(), who.accountId(), slot.start(), slot.end(), blockedUntil,
                            slot.date(), slot.part(), request.attendees(), now);
                } catch (UnableToExecuteStatementException e) {
                    throw refusal(e, dao, who, resource, slot, blockedUntil);
                }
                idempotencyKey.ifPresent(key -> dao.rememberIdempotencyKey(who.accountId(), key, requestHash, id, now));
                // Made from what was inserted rather than read back: the writer's time is the booking rate.
                Booking stored = new Booking(id, resource.id(), resource.type(), who.accountId(), who.username(),
                        who.displayName(), slot.start(), slot.end(), blockedUntil, slot.date(), slot.part(),
                        request.attendees(), BookingStatus.CONFIRMED, now, null, null, null, null, null);
                return new Made(stored, false);
            });
        } catch (ConflictException e) {
            if (!TAKEN.equals(e.extensions().get(CONFLICT))) {
                throw e;
            }
            // Found after the refusal and outside the writer's transaction: the writer's time is the booking rate.
            throw new ConflictException(TAKEN, e.getMessage(),
                    Map.of(ALTERNATIVES, availability.alternatives(resource, site, slot, request.attendees(), true)));
        }
        if (!made.replayed()) {
            metrics.created(resource.type());
            changed(made.booking());
            LOG.fine(() -> "Booking " + made.booking().id() + ": " + resource.id() + " " + slot.start() + "/" + slot.end()
                    + " by account " + who.accountId());
        }
        // The answer is shaped once, on the request thread after the commit.
        return new BookingResult(view(made.booking()), made.replayed(), made.booking());
    }

    /** What the writer's transaction of a booking did: made this booking, or found it made by the same key. */
    private record Made(Booking booking, boolean replayed) {
    }

    /** Cancels a booking; one that is checked in and under way ends now instead, freeing the rest of its time. */
    public BookingView cancel(Account who, long id) {
        Instant now = clock.instant();
        Booking cancelled = db.write(handle -> {
            BookingDao dao = handle.attach(BookingDao.class);
            Booking booking = visible(who, dao.byId(id), id);
            if (!booking.status().holdsResource()) {
                throw new ConflictException("booking-" + booking.status().code(), "This booking is already " + booking.status().code() + ".");
            }
            if (!booking.endsAt().isAfter(now)) {
                throw new PolicyViolationException("in-the-past", "This booking is already over.");
            }
            if (booking.status() == BookingStatus.CHECKED_IN && booking.startsAt().isBefore(now)) {
                dao.endEarly(id, now, now.plus(policies.policy(booking.resourceType()).turnaround()));
            } else {
                dao.cancel(id, now);
            }
            return dao.byId(id).orElseThrow();
        });
        metrics.cancelled(cancelled.resourceType());
        changed(cancelled);
        LOG.fine(() -> "Booking " + id + " cancelled by account " + who.accountId());
        return view(cancelled);
    }

    /**
     * The booker says they are here, in the app or by a QR code; allowed from shortly before the start until the end.
     * Only the occupancy sensor checks in by sensor ({@link #checkInBySensor}), never a person's request.
     */
    public BookingView checkIn(Account who, long id, CheckInMethod method) {
        if (method == CheckInMethod.SENSOR) {
            throw InvalidRequestException.field("method", "must be app or qr");
        }
        Instant now = clock.instant();
        Booking booking = db.write(handle -> {
            BookingDao dao = handle.attach(BookingDao.class);
            Booking b = visible(who, dao.byId(id), id);
            if (b.accountId() != who.accountId()) {
                throw new ForbiddenException("Only the person who booked can check in.");
            }
            if (b.status() == BookingStatus.CHECKED_IN) {
                return b;
            }
            if (b.status() != BookingStatus.CONFIRMED) {
                throw new ConflictException("booking-" + b.status().code(), "This booking is " + b.status().code() + " and cannot be checked in.");
            }
            BookingPolicy policy = policies.policy(b.resourceType());
            Instant opens = b.startsAt().minus(policy.checkInOpens());
            ZoneId zone = zoneOf(b);
            if (now.isBefore(opens)) {
                throw new PolicyViolationException("check-in-window", "Check-in opens at "
                        + opens.atZone(zone).format(DATE_TIME) + ".");
            }
            if (!now.isBefore(b.endsAt())) {
                throw new PolicyViolationException("check-in-window", "This booking is already over.");
            }
            dao.checkIn(id, method, now);
            return dao.byId(id).orElseThrow();
        });
        changed(booking);
        return view(booking);
    }

    /**
     * The occupancy sensor saw the booker arrive: checks a confirmed booking in. Returns the booking as it is now,
     * or empty when it was no longer confirmed (cancelled, released, or already checked in).
     */
    public Optional<Booking> checkInBySensor(long id, Instant at) {
        Optional<Booking> done = db.write(handle -> {
            BookingDao dao = handle.attach(BookingDao.class);
            return dao.checkIn(id, CheckInMethod.SENSOR, at) == 1 ? dao.byId(id) : Optional.<Booking>empty();
        });
        done.ifPresent(this::changed);
        return done;
    }

    /**
     * Releases every booking nobody checked in within its type's grace period (counted from the start, or from the
     * moment of booking when it was booked late); the resource is free again and the booker sees why.
     */
    public List<Booking> releaseNoShows() {
        Instant now = clock.instant();
        // Older bookings were dealt with long ago; the bound keeps this query on the recent part of the index.
        Instant notBefore = now.minus(java.time.Duration.ofDays(2));
        List<Booking> released = db.write(handle -> {
            BookingDao dao = handle.attach(BookingDao.class);
            List<Booking> out = new java.util.ArrayList<>();
            for (BookingPolicy policy : policies.all()) {
                for (Booking b : dao.overdue(policy.resourceType(), policy.grace().toMillis(), now, notBefore)) {
                    if (now.isBefore(graceStart(b).plus(policy.grace()))) {
                        continue;
                    }
                    if (dao.releaseNoShow(b.id(), now) == 1) {
                        out.add(dao.byId(b.id()).orElseThrow());
                    }
                }
            }
            return out;
        });
        released.forEach(b -> {
            metrics.released(b.resourceType(), "no-show");
            changed(b);
        });
        if (!released.isEmpty()) {
            LOG.info(() -> "Released " + released.size() + " booking(s) as no-shows");
        }
        return released;
    }

    /** When a booking's grace period starts: its start, or its booking if later; for desks not before the working day. */
    private Instant graceStart(Booking b) {
        Instant from = b.createdAt().isAfter(b.startsAt()) ? b.createdAt() : b.startsAt();
        if (b.resourceType() == nl.flexplek.server.estate.ResourceType.DESK) {
            ZoneId zone = zoneOf(b);
            Instant workday = b.startsAt().atZone(zone).toLocalDate().atTime(settings.deskGraceFrom()).atZone(zone).toInstant();
            from = workday.isAfter(from) ? workday : from;
        }
        return from;
    }

    /** Ends a checked-in booking whose desk has stayed empty; the rest of its time is free again. */
    public Optional<Booking> releaseLeftEmpty(long id) {
        Instant now = clock.instant();
        Optional<Booking> released = db.write(handle -> {
            BookingDao dao = handle.attach(BookingDao.class);
            return dao.releaseLeftEmpty(id, now) == 1 ? dao.byId(id) : Optional.<Booking>empty();
        });
        released.ifPresent(b -> {
            metrics.released(b.resourceType(), "left-empty");
            changed(b);
            LOG.info(() -> "Released booking " + id + ": its " + b.resourceType().code() + " stayed empty");
        });
        return released;
    }

    /** Active bookings overlapping [from, to), of one resource or (with null) of all. */
    public List<Booking> activeBetween(String resourceId, Instant from, Instant to) {
        return db.read(BookingDao.class, dao -> dao.active(resourceId, from, to));
    }

    /** Idempotency keys protect retries within minutes; after a day they are only clutter. */
    public int forgetOldIdempotencyKeys() {
        Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(1));
        return db.write(BookingDao.class, dao -> dao.forgetIdempotencyKeys(cutoff));
    }

    public BookingView get(Account who, long id) {
        return view(visible(who, db.read(BookingDao.class, dao -> dao.byId(id)), id));
    }

    /**
     * Staff list their own bookings; facility managers anyone's, optionally by username. Without {@code from} the
     * list starts now, and without {@code to} it ends 400 days after {@code from}.
     */
    public List<BookingView> list(Account who, BookingFilter filter) {
        Long accountId = who.isManager() ? null : who.accountId();
        if (!who.isManager() && filter.username() != null && !filter.username().equalsIgnoreCase(who.username())) {
            throw new ForbiddenException("Only facility managers can list other people's bookings.");
        }
        Instant from = filter.from() != null ? filter.from() : clock.instant();
        Instant to = filter.to() != null ? filter.to() : from.plus(java.time.Duration.ofDays(LIST_DAYS));
        if (!from.isBefore(to)) {
            throw InvalidRequestException.field("to", "must be after from");
        }
        List<Booking> bookings = db.read(BookingDao.class, dao -> dao.list(accountId, filter.username(), filter.siteId(),
                filter.resourceId(), filter.type(), filter.status(), from, to, filter.limit()));
        return bookings.stream().map(this::view).toList();
    }

    private static Booking visible(Account who, Optional<Booking> booking, long id) {
        // Someone else's booking is answered as not found, so ids reveal nothing about other people.
        return booking.filter(b -> who.isManager() || b.accountId() == who.accountId())
                .orElseThrow(() -> new NotFoundException("There is no booking " + id + " of yours."));
    }

    private RuntimeException refusal(UnableToExecuteStatementException e, BookingDao dao, Account who,
                                     Resource resource, Slot slot, Instant blockedUntil) {
        String message = String.valueOf(e.getMessage());
        ZoneId zone = estate.site(resource.siteId()).zone();
        if (message.contains("flexplek:booking-overlap")) {
            metrics.conflict(resource.type());
            Optional<Booking> holder = dao.holding(resource.id(), slot.start(), blockedUntil);
            String when = holder.map(b -> " " + describe(b, zone)).orElse("");
            boolean own = holder.map(b -> b.accountId() == who.accountId()).orElse(false);
            return own
                    ? new ConflictException("already-yours", "You already booked " + resource.name() + when + ".")
                    : new ConflictException(TAKEN, resource.name() + " is already booked" + when + ".");
        }
        if (message.contains("flexplek:one-desk-per-person")) {
            Optional<Booking> other = dao.personsDesk(who.accountId(), slot.start(), slot.end());
            String which = other.flatMap(b -> estate.estate().resource(b.resourceId()))
                    .map(Resource::name).orElse("another desk");
            String when = other.map(b -> " " + describe(b, zone)).orElse("");
            return new PolicyViolationException("one-desk-per-person", "You already have " + which + when
                    + "; one desk per person at a time.");
        }
        return e;
    }

    /**
     * The {@code alternatives} member for a refusal before booking (out of service, too small): the resources free for
     * the slot asked for, when that slot is itself bookable; nothing when it is not (the person must change it first).
     */
    private Map<String, Object> alternativesFor(Resource resource, Site site, BookingPolicy policy, BookingRequest request,
                                                Instant now) {
        Slot slot;
        try {
            slot = rules.slot(resource.type(), site, request.date(), request.part(), request.start(), request.end());
            rules.checkTiming(slot, site, policy, now);
        } catch (ProblemException e) {
            return Map.of();
        }
        return Map.of(ALTERNATIVES, availability.alternatives(resource, site, slot, request.attendees(), false));
    }

    private static String describe(Booking b, ZoneId zone) {
        ZonedDateTime start = b.startsAt().atZone(zone);
        ZonedDateTime end = b.endsAt().atZone(zone);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return "on " + start.toLocalDate() + " " + start.format(TIME) + "-" + end.format(TIME);
        }
        return "from " + start.format(DATE_TIME) + " to " + end.format(DATE_TIME);
    }

    private ZoneId zoneOf(Booking b) {
        return estate.site(estate.resource(b.resourceId()).siteId()).zone();
    }

    private BookingView view(Booking b) {
        Resource resource = estate.resource(b.resourceId());
        return BookingView.of(b, resource, estate.site(resource.siteId()).zone());
    }

    /** A stable digest of what was asked, to tell a true retry from a new request under an old key. */
    private static String fingerprint(BookingRequest r) {
        String canonical = String.join("|", r.resourceId(), Objects.toString(r.date()), Objects.toString(r.part()),
                r.start() == null ? "null" : r.start().toInstant().toString(),
                r.end() == null ? "null" : r.end().toInstant().toString(), Objects.toString(r.attendees()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
