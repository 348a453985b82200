package nl.flexplek.server.calendar;

import java.nio.charset.StandardCharsets;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.Account;

/**
 * A person's calendar feed address (get, revoke) and the feed itself. The feed takes no token: calendar apps cannot
 * send one, so the secret in its address is the credential (and is masked in the request log).
 */
final class CalendarFeedEndpoint implements HttpService {
    static final String FEEDS = "/calendar-feeds/";

    private final CalendarFeedService feeds;
    private final PublicUrl publicUrl;
    private final Responses responses;

    CalendarFeedEndpoint(CalendarFeedService feeds, PublicUrl publicUrl, Responses responses) {
        this.feeds = feeds;
        this.publicUrl = publicUrl;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me/calendar-feed", Access.allow(Access.STAFF, this::address))
                .delete("/me/calendar-feed", Access.allow(Access.STAFF, this::revoke))
                .get(FEEDS + "{secret}/bookings.ics", this::feed);                     // anyone with the address
    }

    /** The absolute address of a feed, as calendar apps need it. */
    record FeedAddress(String url) {
    }

    private void address(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, new FeedAddress(publicUrl.base(req) + "/api/v1" + FEEDS + feeds.secret(who) + "/bookings.ics"));
    }

    private void revoke(Account who, ServerRequest req, ServerResponse res) {
        feeds.revoke(who);
        Responses.noContent(res);
    }

    private void feed(ServerRequest req, ServerResponse res) {
        byte[] body = feeds.feed(Requests.path(req, "secret")).getBytes(StandardCharsets.UTF_8);
        res.header(HeaderNames.CONTENT_TYPE, "text/calendar; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"flexplek.ics\"");
        res.send(body);
    }
}
