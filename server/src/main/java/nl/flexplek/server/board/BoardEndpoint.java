package nl.flexplek.server.board;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.identity.Access;
import nl.flexplek.server.identity.AuthFilter;
import nl.flexplek.server.identity.IdentityService;
import nl.flexplek.server.identity.Account;

/**
 * A site's board, its live event stream and its QR code: anyone logged in, a kiosk only its own site (the token
 * may come as {@code ?token=}, see {@link Access#allowTokenInUrl}). Desk-label QR codes: facility managers.
 */
final class BoardEndpoint implements HttpService {
    private static final Duration RECONNECT = Duration.ofSeconds(3);

    private final BoardService board;
    private final BoardEvents events;
    private final KioskService kiosks;
    private final EstateService estate;
    private final IdentityService identity;
    private final PublicUrl publicUrl;
    private final Responses responses;
    private final Duration heartbeat;

    BoardEndpoint(BoardService board, BoardEvents events, KioskService kiosks, EstateService estate,
                  IdentityService identity, PublicUrl publicUrl, Responses responses, Duration heartbeat) {
        this.board = board;
        this.events = events;
        this.kiosks = kiosks;
        this.estate = estate;
        this.identity = identity;
        this.publicUrl = publicUrl;
        this.responses = responses;
        this.heartbeat = heartbeat;
    }

    @Override
    public void routing(HttpRules rules) {
        // A kiosk screen is opened by one URL, and EventSource and <img> cannot send headers: ?token= counts here.
        rules.get("/sites/{siteId}/board", Access.allowTokenInUrl(Access.ANYONE, this::board))
                .get("/sites/{siteId}/board/events", Access.allowTokenInUrl(Access.ANYONE, this::events))
                .get("/sites/{siteId}/board/qr.svg", Access.allowTokenInUrl(Access.ANYONE, this::siteQr))
                .get("/resources/{resourceId}/qr.svg", Access.allow(Access.MANAGERS, this::deskQr));
    }

    private void board(Account who, ServerRequest req, ServerResponse res) {
        String siteId = siteFor(who, req);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        responses.ok(res, board.board(siteId, publicUrl.base(req), events.lastEventId(siteId)));
    }

    /**
     * Streams the site's changes until the client goes away, the server stops or the token is revoked (checked at
     * each heartbeat). Resumes after {@code Last-Event-ID} (or {@code ?since=}, for the first connection after a
     * snapshot); what cannot be replayed becomes a {@code reset}.
     */
    private void events(Account who, ServerRequest req, ServerResponse res) throws Exception {
        String siteId = siteFor(who, req);
        String token = AuthFilter.bearerToken(req).or(() -> Requests.query(req, "token")).orElse("");
        String resumeFrom = req.headers().first(HeaderNames.create("Last-Event-ID"))
                .or(() -> Requests.query(req, "since")).orElse(null);
        Optional<Long> resume = events.resumeAt(siteId, resumeFrom);
        SiteLog log = events.log(siteId);
        long cursor = resume.orElseGet(log::last);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header("X-Accel-Buffering", "no");
        try (AutoCloseable counted = events.streamOpened(); SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().comment("connected").reconnectDelay(RECONNECT).build());
            if (resume.isEmpty()) {
                sink.emit(reset(cursor, "cannot-resume"));
            }
            while (true) {
                SiteLog.Batch batch = log.after(cursor, heartbeat);
                if (batch.closed()) {
                    return;
                }
                if (batch.reset()) {
                    sink.emit(reset(batch.last(), "too-far-behind"));
                } else if (batch.events().isEmpty()) {
                    if (identity.authenticate(token).isEmpty()) {
                        return;
                    }
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                }
                for (BoardEvent event : batch.events()) {
                    sink.emit(SseEvent.builder().id(events.id(event.sequence())).name(event.name())
                            .data(event.data()).build());
                }
                cursor = batch.last();
            }
        } catch (UncheckedIOException e) {
            // The screen went away; that is how every stream ends sooner or later.
        }
    }

    private SseEvent reset(long cursor, String reason) {
        return SseEvent.builder().id(events.id(cursor)).name("reset").data("{\"reason\":\"" + reason + "\"}").build();
    }

    private void siteQr(Account who, ServerRequest req, ServerResponse res) {
        String siteId = siteFor(who, req);
        String url = publicUrl.base(req) + "/find?site=" + siteId;
        svg(res, QrCodes.svg(url, url));
    }

    private void deskQr(Account who, ServerRequest req, ServerResponse res) {
        Resource resource = estate.resource(Requests.path(req, "resourceId"));
        String url = publicUrl.base(req) + "/d/" + resource.id();
        svg(res, QrCodes.svg(url, resource.name() + ": " + url));
    }

    private static void svg(ServerResponse res, String svg) {
        res.header(HeaderNames.CONTENT_TYPE, "image/svg+xml");
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=3600");
        res.send(svg);
    }

    /** The site asked for; a kiosk may only ask for its own, and reading it counts as the kiosk being seen. */
    private String siteFor(Account who, ServerRequest req) {
        String siteId = estate.site(Requests.path(req, "siteId")).id();
        Access.requireSite(who, siteId);
        kiosks.seen(who);
        return siteId;
    }
}
