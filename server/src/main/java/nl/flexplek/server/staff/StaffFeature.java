package nl.flexplek.server.staff;

import java.time.Clock;
import java.util.List;

import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.EstateService;

/** The staff feature wired together: profiles, preferences and today's colleagues, with their endpoint. */
public final class StaffFeature implements Feature {
    private final StaffService staff;
    private final List<HttpService> endpoints;

    public StaffFeature(Database db, Clock clock, EstateService estate, Requests requests, Responses responses) {
        this.staff = new StaffService(db, clock, estate);
        this.endpoints = List.of(new StaffEndpoint(staff, requests, responses));
    }

    public StaffService staff() {
        return staff;
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }
}
