package nl.flexplek.server.board;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.identity.IdentityService;
import nl.flexplek.server.occupancy.OccupancyService;
import nl.flexplek.server.occupancy.SiteEvents;

/** The board feature wired together: its services, event log and endpoints, built from its settings and the estate, identity, booking and occupancy services it reads. */
public final class BoardFeature implements Feature {
    private final BoardService board;
    private final BoardEvents events;
    private final KioskService kiosks;
    private final List<HttpService> endpoints;

    public BoardFeature(Database db, Clock clock, BoardSettings settings, EstateService estate, IdentityService identity,
                        BookingService bookings, OccupancyService occupancy, SiteEvents siteEvents, ObjectMapper json,
                        PublicUrl publicUrl, Requests requests, Responses responses) {
        this.board = new BoardService(estate, occupancy, bookings, clock);
        this.events = new BoardEvents(board, siteEvents, bookings, estate, json, settings.eventsPerSite());
        this.kiosks = new KioskService(db, clock, estate, identity, settings.kioskTokenLifetime());
        this.endpoints = List.of(
                new BoardEndpoint(board, events, kiosks, estate, identity, publicUrl, responses, settings.heartbeat()),
                new KioskEndpoint(kiosks, publicUrl, requests, responses));
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }

    public BoardService board() {
        return board;
    }

    public KioskService kiosks() {
        return kiosks;
    }

    /** Ends the open streams, so the server can stop without waiting for their heartbeats. */
    @Override
    public void close() {
        events.close();
    }
}
