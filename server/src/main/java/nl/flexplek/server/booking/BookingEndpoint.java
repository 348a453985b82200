package nl.flexplek.server.booking;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
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

/** Bookings: create, list, show, cancel, check in. Staff only; a kiosk never books. */
final class BookingEndpoint implements HttpService {
    private static final int MAX_KEY_LENGTH = 200;

    private final BookingService bookings;
    private final Requests requests;
    private final Responses responses;

    BookingEndpoint(BookingService bookings, Requests requests, Responses responses) {
        this.bookings = bookings;
        this.requests = requests;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/bookings", Access.allow(Access.STAFF, this::book))
                .get("/bookings", Access.allow(Access.STAFF, this::list))
                .get("/bookings/{id}", Access.allow(Access.STAFF, this::get))
                .delete("/bookings/{id}", Access.allow(Access.STAFF, this::cancel))
                .post("/bookings/{id}/check-in", Access.allow(Access.STAFF, this::checkIn));
    }

    private void book(Account who, ServerRequest req, ServerResponse res) {
        BookingRequest body = requests.body(req, BookingRequest.class);
        BookingResult result = bookings.book(who, body, idempotencyKey(req));
        if (result.replayed()) {
            res.header("Idempotent-Replayed", "true");
        }
        responses.created(res, "/api/v1/bookings/" + result.booking().id(), result.booking());
    }

    private void list(Account who, ServerRequest req, ServerResponse res) {
        BookingFilter filter = new BookingFilter(
                Requests.query(req, "username").orElse(null),
                Requests.query(req, "siteId").orElse(null),
                Requests.query(req, "resourceId").orElse(null),
                Requests.query(req, "type").map(t -> Coded.parse(ResourceType.class, t, "type")).orElse(null),
                Requests.query(req, "status").map(s -> Coded.parse(BookingStatus.class, s, "status")).orElse(null),
                Requests.instantQuery(req, "from").map(OffsetDateTime::toInstant).orElse(null),
                Requests.instantQuery(req, "to").map(OffsetDateTime::toInstant).orElse(null),
                Requests.intQuery(req, "limit", 1, 1000).orElse(200));
        responses.ok(res, new BookingList(bookings.list(who, filter)));
    }

    record BookingList(java.util.List<BookingView> bookings) {
    }

    private void get(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, bookings.get(who, Requests.longPath(req, "id")));
    }

    private void cancel(Account who, ServerRequest req, ServerResponse res) {
        bookings.cancel(who, Requests.longPath(req, "id"));
        Responses.noContent(res);
    }

    record CheckInRequest(CheckInMethod method) {
    }

    private void checkIn(Account who, ServerRequest req, ServerResponse res) {
        CheckInMethod method = req.content().hasEntity()
                ? Optional.ofNullable(requests.body(req, CheckInRequest.class).method()).orElse(CheckInMethod.APP)
                : CheckInMethod.APP;
        responses.send(res, Status.OK_200, bookings.checkIn(who, Requests.longPath(req, "id"), method));
    }

    private static Optional<String> idempotencyKey(ServerRequest req) {
        Optional<String> key = req.headers().first(HeaderNames.create("Idempotency-Key")).map(String::trim);
        key.ifPresent(k -> {
            if (k.isEmpty() || k.length() > MAX_KEY_LENGTH) {
                throw InvalidRequestException.field("Idempotency-Key", "must be 1-" + MAX_KEY_LENGTH + " characters");
            }
        });
        return key;
    }
}
