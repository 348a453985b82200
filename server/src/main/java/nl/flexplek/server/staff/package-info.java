/**
 * What staff see of themselves and their team: their profile with the usual desk, their preferences (being findable
 * by the team is opt-in), and which teammates sit where today, only for those who opted in and only today, wired by {@code StaffFeature}. Reads
 * accounts and desk bookings; depends on {@code booking}, {@code estate}, {@code identity} and {@code common}.
 */
package nl.flexplek.server.staff;
