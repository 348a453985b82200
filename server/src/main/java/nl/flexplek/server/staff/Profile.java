package nl.flexplek.server.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.flexplek.server.identity.Role;

/**
 * The caller as the staff app shows them: who they are, their home site, their preferences and the desk they book
 * most often. Every member is always written; {@code department}, {@code homeSiteId} and {@code usualDesk} may be null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Profile(String username, String displayName, Role role, String department, String homeSiteId,
                      boolean findableByTeam, UsualDesk usualDesk) {

    /** The desk this person booked on the most days in the last eight weeks (at least three). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UsualDesk(String resourceId, String name, String siteId, String floorId, String zoneId) {
    }
}
