package nl.flexplek.server.occupancy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;

/** Live occupancy of a site (anyone logged in; a kiosk only its own site) and the sensor list (managers). */
final class OccupancyEndpoint implements HttpService {
    private final OccupancyService occupancy;
    private final EstateService estate;
    private final Clock clock;
    private final Responses responses;

    OccupancyEndpoint(OccupancyService occupancy, EstateService estate, Clock clock, Responses responses) {
        this.occupancy = occupancy;
        this.estate = estate;
        this.clock = clock;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/sites/{siteId}/occupancy", Access.allow(Access.ANYONE, this::site))
                .get("/sensors", Access.allow(Access.MANAGERS, this::sensors));
    }

    record SiteOccupancy(String siteId, Instant at, List<LiveState> resources) {
    }

    record SensorList(int count, List<SensorView> sensors) {
    }

    private void site(Account who, ServerRequest req, ServerResponse res) {
        String siteId = estate.site(Requests.path(req, "siteId")).id();
        Access.requireSite(who, siteId);
        responses.ok(res, new SiteOccupancy(siteId, clock.instant(), occupancy.site(siteId)));
    }

    private void sensors(Account who, ServerRequest req, ServerResponse res) {
        List<SensorView> sensors = occupancy.sensors();
        responses.ok(res, new SensorList(sensors.size(), sensors));
    }
}
