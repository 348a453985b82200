/**
 * How the buildings are used, for facility managers and the public: a site's figures right now, utilization over a
 * period (booked and sensor-occupied shares per weekday and hour, per day and per zone), vehicle use, the CSV export,
 * the public open-data CSV with small groups withheld, and the retention job that anonymises old bookings while
 * the figures stay (a daily job), wired by {@code InsightsFeature}. Reads bookings and the recorded live states; depends on {@code occupancy}, {@code booking},
 * {@code estate}, {@code identity} and {@code common}.
 */
package nl.flexplek.server.insights;
