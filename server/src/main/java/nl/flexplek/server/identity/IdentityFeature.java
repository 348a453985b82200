package nl.flexplek.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.common.Scheduler;

/**
 * The identity feature wired together: accounts and sessions, the login endpoint, the authentication filter every
 * request passes, and the hourly purge of expired sessions.
 */
public final class IdentityFeature implements Feature {
    private static final Logger LOG = Logger.getLogger(IdentityFeature.class.getName());

    private final IdentityService identity;
    private final AuthFilter authFilter;
    private final List<HttpService> endpoints;

    public IdentityFeature(Database db, Clock clock, IdentitySettings settings, Requests requests, Responses responses,
                           Scheduler scheduler) {
        this.identity = new IdentityService(db, clock, settings);
        this.authFilter = new AuthFilter(identity);
        this.endpoints = List.of(new SessionEndpoint(identity, requests, responses));
        scheduler.every(Duration.ofHours(1), Duration.ofMinutes(1), "purge expired sessions", () -> {
            int sessions = identity.purgeExpiredSessions();
            LOG.fine(() -> "Removed " + sessions + " expired sessions");
        });
    }

    public IdentityService identity() {
        return identity;
    }

    /** Finds who is calling; registered before every endpoint. */
    public Filter authFilter() {
        return authFilter;
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }
}
