/**
 * What kiosks and dashboards see: a site's board (every desk, room and vehicle with its live state and, for rooms
 * and vehicles, today's schedule without names), the stream of its changes as Server-Sent Events, QR codes, and
 * the registration of kiosk screens. It reads estate, bookings, live occupancy and identity; nothing depends on it.
 */
package nl.flexplek.server.board;
