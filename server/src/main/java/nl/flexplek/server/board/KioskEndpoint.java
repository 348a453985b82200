package nl.flexplek.server.board;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;

/** Kiosk registration: facility managers only. */
final class KioskEndpoint implements HttpService {
    private final KioskService kiosks;
    private final PublicUrl publicUrl;
    private final Requests requests;
    private final Responses responses;

    KioskEndpoint(KioskService kiosks, PublicUrl publicUrl, Requests requests, Responses responses) {
        this.kiosks = kiosks;
        this.publicUrl = publicUrl;
        this.requests = requests;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/kiosks", Access.allow(Access.MANAGERS, this::register))
                .get("/kiosks", Access.allow(Access.MANAGERS, this::list))
                .get("/kiosks/{id}", Access.allow(Access.MANAGERS, this::get))
                .delete("/kiosks/{id}", Access.allow(Access.MANAGERS, this::revoke));
    }

    private void register(Account who, ServerRequest req, ServerResponse res) {
        RegisteredKiosk kiosk = kiosks.register(who, requests.body(req, KioskRequest.class), publicUrl.base(req));
        responses.created(res, "/api/v1/kiosks/" + kiosk.id(), kiosk);
    }

    private void list(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, kiosks.list());
    }

    private void get(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, kiosks.get(Requests.longPath(req, "id")));
    }

    private void revoke(Account who, ServerRequest req, ServerResponse res) {
        kiosks.revoke(who, Requests.longPath(req, "id"));
        Responses.noContent(res);
    }
}
