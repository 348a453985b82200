package nl.flexplek.server.demo;

import java.util.ArrayList;
import java.util.List;

import nl.flexplek.server.identity.NewAccount;
import nl.flexplek.server.identity.Role;

/**
 * The demo's accounts: {@code employee1} to {@code employee200}, {@code manager}, and a kiosk account per site,
 * all with the password {@code demo}. Only ever created in demo mode.
 */
public final class DemoAccounts {
    public static final String PASSWORD = "demo";
    public static final int EMPLOYEES = 200;

    private static final String[] FIRST = {"Anouk", "Bram", "Charlotte", "Daan", "Eva", "Fleur", "Gijs", "Hanna",
            "Iris", "Jesse", "Kim", "Lars", "Maud", "Noah", "Olga", "Pieter", "Quinten", "Roos", "Sem", "Tess",
            "Umut", "Vera", "Wout", "Yara", "Zoë", "Mohammed", "Fatima", "Sanne", "Thijs", "Lotte"};
    private static final String[] LAST = {"de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
            "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
            "de Wit", "Dijkstra", "Yılmaz", "El Amrani", "Kaya", "Schouten", "van der Meer", "Hoekstra"};

    private DemoAccounts() {
    }

    /**
     * @param departments departments to spread employees over
     * @param homeSites   site ids in the order employees are spread over them (weighted by repetition)
     * @param kioskSites  one kiosk account per site id
     */
    public static List<NewAccount> accounts(List<String> departments, List<String> homeSites, List<String> kioskSites) {
        List<NewAccount> accounts = new ArrayList<>();
        for (int i = 1; i <= EMPLOYEES; i++) {
            String name = FIRST[(i * 7) % FIRST.length] + " " + LAST[(i * 11) % LAST.length];
            accounts.add(new NewAccount("employee" + i, name, Role.EMPLOYEE,
                    departments.get(i % departments.size()), homeSites.get(i % homeSites.size()), PASSWORD));
        }
        accounts.add(new NewAccount("manager", "Facilitair manager", Role.FACILITY_MANAGER, "Facilitaire Zaken",
                homeSites.getFirst(), PASSWORD));
        for (String site : kioskSites) {
            accounts.add(new NewAccount("kiosk-" + site, "Kiosk " + site, Role.KIOSK, null, site, PASSWORD));
        }
        return accounts;
    }
}
