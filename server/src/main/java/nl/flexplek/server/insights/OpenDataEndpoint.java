package nl.flexplek.server.insights;

import java.time.LocalDate;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.Coded;
import nl.flexplek.server.common.Requests;

/** Public open data: occupancy per site and day or hour, as CSV, without logging in. */
final class OpenDataEndpoint implements HttpService {
    private final OpenDataService openData;

    OpenDataEndpoint(OpenDataService openData) {
        this.openData = openData;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/open-data/occupancy.csv", this::occupancy);                 // anyone: public open data
    }

    private void occupancy(ServerRequest req, ServerResponse res) {
        LocalDate from = Requests.dateQuery(req, "from").orElse(null);
        LocalDate to = Requests.dateQuery(req, "to").orElse(null);
        Granularity granularity = Requests.query(req, "granularity")
                .map(g -> Coded.parse(Granularity.class, g, "granularity")).orElse(Granularity.DAY);
        boolean hourly = granularity == Granularity.HOUR;
        Csv csv = hourly
                ? new Csv("site_id", "site_name", "date", "hour", "bookings", "checked_in", "no_shows",
                        "average_occupancy_percent", "suppressed")
                : new Csv("site_id", "site_name", "date", "bookings", "checked_in", "no_shows",
                        "average_occupancy_percent", "suppressed");
        for (OpenDataService.Row row : openData.occupancy(from, to, granularity)) {
            if (hourly) {
                csv.row(row.siteId(), row.siteName(), row.date(), row.hour(), row.bookings(), row.checkedIn(),
                        row.noShows(), row.averageOccupancyPercent(), row.suppressed());
            } else {
                csv.row(row.siteId(), row.siteName(), row.date(), row.bookings(), row.checkedIn(), row.noShows(),
                        row.averageOccupancyPercent(), row.suppressed());
            }
        }
        csv.sendAttachment(res, "flexplek-occupancy-" + granularity.code() + "-" + from + "-" + to + ".csv");
    }
}
