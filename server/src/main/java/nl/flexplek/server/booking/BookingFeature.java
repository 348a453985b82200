package nl.flexplek.server.booking;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.common.Scheduler;
import nl.flexplek.server.estate.EstateService;

/**
 * The booking feature wired together: policies, bookings and availability with their endpoints, and the hourly
 * purge of old idempotency keys. Vehicles' charge comes from the live occupancy, which is built later (it needs the
 * bookings), so it is given with {@link #vehiclesChargeFrom} and asked only once requests come in.
 */
public final class BookingFeature implements Feature {
    private static final Logger LOG = Logger.getLogger(BookingFeature.class.getName());

    private final PolicyService policies;
    private final BookingService bookings;
    private final List<HttpService> endpoints;
    private volatile VehicleCharge charge;

    public BookingFeature(Database db, Clock clock, BookingSettings settings, EstateService estate, Requests requests,
                          Responses responses, Scheduler scheduler) {
        this.policies = new PolicyService(db, clock, settings);
        AvailabilityService availability = new AvailabilityService(db, estate, policies, settings,
                (resourceId, at) -> vehicleCharge().at(resourceId, at));
        this.bookings = new BookingService(db, clock, estate, policies, settings, availability);
        this.endpoints = List.of(
                new BookingEndpoint(bookings, requests, responses),
                new AvailabilityEndpoint(availability, responses),
                new PolicyEndpoint(policies, requests, responses));
        scheduler.every(Duration.ofHours(1), Duration.ofMinutes(1), "forget old idempotency keys", () -> {
            int keys = bookings.forgetOldIdempotencyKeys();
            LOG.fine(() -> "Removed " + keys + " old idempotency keys");
        });
    }

    /** Where availability learns a vehicle's charge; given once, at start-up. */
    public void vehiclesChargeFrom(VehicleCharge live) {
        this.charge = live;
    }

    private VehicleCharge vehicleCharge() {
        VehicleCharge live = charge;
        if (live == null) {
            throw new IllegalStateException("Vehicles' charge was asked before the live occupancy was wired in");
        }
        return live;
    }

    public PolicyService policies() {
        return policies;
    }

    public BookingService bookings() {
        return bookings;
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }
}
