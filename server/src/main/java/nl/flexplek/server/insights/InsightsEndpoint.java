package nl.flexplek.server.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

/** The facility managers' figures: a site today, utilization, vehicle use, and the day figures as CSV. */
final class InsightsEndpoint implements HttpService {
    static final String[] EXPORT_COLUMNS = {"site_id", "site_name", "zone_id", "zone_name", "date", "weekday", "open",
            "resource_type", "resources", "resource_hours", "booked_percent", "occupied_percent", "bookings",
            "checked_in", "no_shows", "cancelled", "walk_ins"};

    private final InsightsService insights;
    private final Responses responses;

    InsightsEndpoint(InsightsService insights, Responses responses) {
        this.insights = insights;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/insights/today", Access.allow(Access.MANAGERS, this::today))
                .get("/insights/utilization", Access.allow(Access.MANAGERS, this::utilization))
                .get("/insights/vehicles", Access.allow(Access.MANAGERS, this::vehicles))
                .get("/insights/export.csv", Access.allow(Access.MANAGERS, this::export));
    }

    private void today(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, insights.today(Requests.requiredQuery(req, "siteId")));
    }

    private void utilization(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, insights.utilization(Requests.requiredQuery(req, "siteId"), date(req, "from"), date(req, "to"),
                Requests.query(req, "zoneId").orElse(null), type(req)));
    }

    private void vehicles(Account who, ServerRequest req, ServerResponse res) {
        responses.ok(res, insights.vehicles(Requests.query(req, "siteId").orElse(null), date(req, "from"), date(req, "to")));
    }

    private void export(Account who, ServerRequest req, ServerResponse res) {
        Optional<String> siteId = Requests.query(req, "siteId");
        List<InsightsService.DailyRow> rows = insights.daily(siteId.orElse(null), date(req, "from"), date(req, "to"), type(req));
        Csv csv = new Csv(EXPORT_COLUMNS);
        for (InsightsService.DailyRow row : rows) {
            Utilization.DayFigures f = row.figures();
            csv.row(row.siteId(), row.siteName(), row.zoneId(), row.zoneName(), f.date(), f.weekday(), f.open(),
                    row.type().code(), row.resources(), f.resourceHours(), f.bookedPercent(), f.occupiedPercent(),
                    f.bookings(), f.checkedIn(), f.noShows(), f.cancelled(), f.walkIns());
        }
        // The site id was checked against the estate by now, so it is a plain slug.
        csv.sendAttachment(res, "flexplek-insights-" + siteId.orElse("all-sites") + "-" + date(req, "from") + "-"
                + date(req, "to") + ".csv");
    }

    private static LocalDate date(ServerRequest req, String name) {
        return Requests.dateQuery(req, name).orElse(null);
    }

    private static ResourceType type(ServerRequest req) {
        return Requests.query(req, "type").map(t -> Coded.parse(ResourceType.class, t, "type")).orElse(null);
    }
}
