package nl.flexplek.server.booking;


import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.Coded;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;

/** Availability search; anyone logged in, a kiosk only for its own site. */
final class AvailabilityEndpoint implements HttpService {
    private final AvailabilityService availability;
    private final Responses responses;

    AvailabilityEndpoint(AvailabilityService availability, Responses responses) {
        this.availability = availability;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/availability", Access.allow(Access.ANYONE, this::search));
    }

    private void search(Account who, ServerRequest req, ServerResponse res) {
        ResourceType type = Coded.parse(ResourceType.class, Requests.requiredQuery(req, "type"), "type");
        DayPart part = Requests.query(req, "part").map(p -> Coded.parse(DayPart.class, p, "part"))
                .orElse(type == ResourceType.DESK ? DayPart.DAY : null);
        AvailabilityQuery query = new AvailabilityQuery(
                Requests.requiredQuery(req, "siteId"), type,
                Requests.dateQuery(req, "date").orElse(null), part,
                Requests.instantQuery(req, "start").orElse(null),
                Requests.instantQuery(req, "end").orElse(null),
                Requests.listQuery(req, "features"),
                Requests.query(req, "zoneId").orElse(null),
                Requests.intQuery(req, "minCapacity", 1, 1000).orElse(null));
        responses.ok(res, availability.search(who, query));
    }

}
