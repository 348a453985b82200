package nl.flexplek.server.board;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.identity.IdentityService;
import nl.flexplek.server.occupancy.OccupancyService;
import nl.flexplek.server.occupancy.SiteEvents;

/** The board feature wired together: its services, event log and endpoints, for {@code App} to register. */
public final class BoardFeature implements AutoCloseable {
    private final BoardService board;
    private final BoardEvents events;
    private final KioskService kiosks;
    private final HttpService[] endpoints;

    public BoardFeature(Database db, Clock clock, BoardSettings settings, EstateService estate, IdentityService identity,
                        BookingService bookings, OccupancyService occupancy, SiteEvents siteEvents, ObjectMapper json,
                        PublicUrl publicUrl, Requests requests, Responses responses) {
        this.board = new BoardService(estate, occupancy, bookings, clock);
        this.events = new BoardEvents(board, siteEvents, bookings, estate, json, settings.eventsPerSite());
        this.kiosks = new KioskService(db, clock, estate, identity, settings.kioskTokenLifetime());
        this.endpoints = new HttpService[] {
                new BoardEndpoint(board, events, kiosks, estate, identity, publicUrl, responses, settings.heartbeat()),
                new KioskEndpoint(kiosks, publicUrl, requests, responses)};
    }

    /** The endpoints to register under {@code /api/v1}. */
    public HttpService[] endpoints() {
        return endpoints.clone();
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
