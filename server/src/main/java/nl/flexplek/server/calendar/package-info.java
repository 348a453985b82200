/**
 * Calendar feeds: each person may have one secret iCalendar (RFC 5545) address that calendar apps subscribe to
 * without a token, listing their bookings from a month ago on; it can be revoked and replaced. Written with ical4j; wired by {@code CalendarFeature}.
 * Reads bookings and the estate; depends on {@code booking}, {@code estate}, {@code identity} and {@code common}.
 */
package nl.flexplek.server.calendar;
