/**
 * Demo mode's data: the demo estate (a municipality's town hall, city office and neighbourhood-team offices),
 * 200 employees, a manager and a kiosk per site with the password 'demo', and a plausible booking and sensor
 * history made once per database from a fixed seed. It depends on {@code estate}, {@code identity},
 * {@code booking}, {@code occupancy} (the states it records), {@code staff} and {@code common}; no feature depends
 * on it.
 */
package nl.flexplek.server.demo;
