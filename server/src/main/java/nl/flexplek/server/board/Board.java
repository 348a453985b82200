package nl.flexplek.server.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One snapshot of a site for a screen. Holds no names of people and no meeting titles: a kiosk hangs in a public
 * entrance.
 */
public record Board(SiteSummary site, Instant generatedAt, String lastEventId, OpeningToday openingHours, Links links,
                    List<FloorBoard> floors, List<RoomEntry> rooms, List<VehicleEntry> vehicles) {

    /** The site as the screen names it. */
    public record SiteSummary(String id, String name, String timeZone, String address) {
    }

    /** Today's opening hours in the site's local time; {@code closedReason} on a closure day. */
    public record OpeningToday(LocalDate date, boolean open, String opens, String closes, String closedReason) {
    }

    /** Where a phone goes: the booking page of this site, its QR code, and the desk-label URL scheme. */
    public record Links(String booking, String bookingQr, String desk) {
    }

    /** A floor with its zones and every desk on it. */
    public record FloorBoard(String id, String name, int level, List<ZoneSummary> zones, List<DeskEntry> desks) {
    }

    /** A zone (team neighbourhood) of a floor. */
    public record ZoneSummary(String id, String name) {
    }
}
