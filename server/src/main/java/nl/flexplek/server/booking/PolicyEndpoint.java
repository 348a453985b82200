package nl.flexplek.server.booking;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.Coded;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;

/** Booking policies: staff read them (the app shows the limits), facility managers change them. */
final class PolicyEndpoint implements HttpService {
    private final PolicyService policies;
    private final Requests requests;
    private final Responses responses;

    PolicyEndpoint(PolicyService policies, Requests requests, Responses responses) {
        this.policies = policies;
        this.requests = requests;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/policies", Access.allow(Access.STAFF, this::list))
                .put("/policies/{type}", Access.allow(Access.MANAGERS, this::update));
    }

    record PolicyList(java.util.List<BookingPolicy> policies) {
    }

    private void list(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, new PolicyList(policies.all()));
    }

    private void update(Account who, ServerRequest req, ServerResponse res) {
        ResourceType type = Coded.parse(ResourceType.class, Requests.path(req, "type"), "type");
        BookingPolicy body = requests.body(req, BookingPolicy.class);
        if (body.resourceType() != type) {
            throw InvalidRequestException.field("resourceType", "must match the type in the address ('" + type.code() + "')");
        }
        responses.ok(res, policies.update(body));
    }
}
