package nl.flexplek.server.insights;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.common.Scheduler;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.occupancy.OccupancyService;

/**
 * The insights feature wired together: figures, open data and their endpoints, and the daily retention job that
 * anonymises personal data in bookings past the retention period (the service logs how many).
 */
public final class InsightsFeature implements Feature {
    private final InsightsService insights;
    private final RetentionService retention;
    private final List<HttpService> endpoints;

    public InsightsFeature(Database db, Clock clock, InsightsSettings settings, EstateService estate,
                           OccupancyService occupancy, Responses responses, Scheduler scheduler) {
        this.insights = new InsightsService(db, clock, estate, occupancy);
        this.retention = new RetentionService(db, clock, settings);
        OpenDataService openData = new OpenDataService(db, clock, estate, settings);
        this.endpoints = List.of(new InsightsEndpoint(insights, responses), new OpenDataEndpoint(openData));
        scheduler.every(Duration.ofDays(1), Duration.ofMinutes(10), "anonymise old bookings",
                retention::anonymiseOldBookings);
    }

    public InsightsService insights() {
        return insights;
    }

    public RetentionService retention() {
        return retention;
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }
}
