package nl.flexplek.server.board;

/** What a manager sends to register a kiosk: its site, optionally a name and its language (or rotating). */
public record KioskRequest(String siteId, String name, String language) {
}
