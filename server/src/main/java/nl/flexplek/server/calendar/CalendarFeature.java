package nl.flexplek.server.calendar;

import java.time.Clock;
import java.util.List;

import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.EstateService;

/** The calendar feature wired together: personal calendar feeds and their endpoint. */
public final class CalendarFeature implements Feature {
    private final List<HttpService> endpoints;

    public CalendarFeature(Database db, Clock clock, CalendarSettings settings, EstateService estate,
                           PublicUrl publicUrl, Responses responses) {
        CalendarFeedService feeds = new CalendarFeedService(db, clock, estate, settings);
        this.endpoints = List.of(new CalendarFeedEndpoint(feeds, publicUrl, responses));
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }
}
