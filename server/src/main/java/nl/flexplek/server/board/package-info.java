/**
 * What kiosks and dashboards see: a site's board (every desk, room and vehicle with its live state and, for rooms
 * and vehicles, today's schedule without names), the stream of its changes as Server-Sent Events, QR codes, and
 * the registration of kiosk screens. Wired by {@code BoardFeature}. It reads estate, bookings, live occupancy and identity (and {@code common});
 * nothing depends on it.
 */
package nl.flexplek.server.board;
