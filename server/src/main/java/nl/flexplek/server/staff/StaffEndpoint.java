package nl.flexplek.server.staff;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;

/** The staff app's view of the caller: profile, preferences and teammates today. People only; kiosks never. */
final class StaffEndpoint implements HttpService {
    private final StaffService staff;
    private final Requests requests;
    private final Responses responses;

    StaffEndpoint(StaffService staff, Requests requests, Responses responses) {
        this.staff = staff;
        this.requests = requests;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me", Access.allow(Access.STAFF, this::me))
                .put("/me/preferences", Access.allow(Access.STAFF, this::savePreferences))
                .get("/colleagues/today", Access.allow(Access.STAFF, this::colleaguesToday));
    }

    private void me(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, staff.profile(who));
    }

    private void savePreferences(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, staff.savePreferences(who, requests.body(req, Preferences.class)));
    }

    private void colleaguesToday(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, staff.colleaguesToday(who));
    }
}
