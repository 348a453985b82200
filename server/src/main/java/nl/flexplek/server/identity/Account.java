package nl.flexplek.server.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The authenticated caller of one request. {@code siteId} is a kiosk's site, or an employee's home site.
 */
public record Account(long accountId, String username, String displayName, Role role, String department,
                        String siteId) {

    public boolean is(Role wanted) {
        return role == wanted;
    }

    @JsonIgnore
    public boolean isManager() {
        return role == Role.FACILITY_MANAGER;
    }
}
