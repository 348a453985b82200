package nl.flexplek.server.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import nl.flexplek.server.booking.BookingSettings;
import nl.flexplek.server.booking.PolicyService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.EstateDocument;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.identity.IdentityService;
import nl.flexplek.server.staff.StaffService;

/**
 * Demo mode: the demo estate, demo accounts with their opt-ins, and a booking and sensor history, each made once
 * per database. Runs at start-up, before the live occupancy reads the database.
 */
public final class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private DemoData() {
    }

    public static void load(Database db, Clock clock, BookingSettings booking, int historyWeeks, EstateService estate,
                            IdentityService identity, PolicyService policies, StaffService staff) {
        LOG.warning("""

                ************************************************************************
                * DEMO MODE: loading the demo estate, demo accounts and a history.     *
                * Accounts employee1 ... employee200, manager and kiosk-<site> all     *
                * have the password 'demo'. Never run demo mode with real people.      *
                ************************************************************************""");
        EstateDocument document = DemoEstate.document();
        estate.importDocument(document);
        List<String> siteIds = document.sites().stream().map(Site::id).toList();
        int created = identity.ensureAccounts(DemoAccounts.accounts(DemoEstate.DEPARTMENTS, homeSites(siteIds), siteIds));
        LOG.info(() -> "Demo accounts created: " + created);
        staff.optInDemoEmployees();
        new DemoHistory(db, policies, booking).generateOnce(estate.estate(), clock.instant(), historyWeeks);
        new DemoSensorHistory(db, policies, booking).generateOnce(estate.estate(), clock.instant());
    }

    /** Most staff work from the two big buildings; each neighbourhood team has a few: one entry per person-weight. */
    static List<String> homeSites(List<String> siteIds) {
        List<String> homeSites = new ArrayList<>();
        for (String site : siteIds) {
            int weight = site.startsWith("wijkteam") ? 1 : 10;
            for (int i = 0; i < weight; i++) {
                homeSites.add(site);
            }
        }
        return homeSites;
    }
}
