/**
 * Live occupancy: the MQTT connection (embedded Moquette broker by default, any broker in production), the
 * payload formats (native, The Things Stack v3, ChirpStack v4 and the decoded fields of common devices), the sensor
 * registry and its health, debounced presence, the live state of every resource, check-in by sensor, no-show and
 * early release, site events, the compact state history, the tick that applies the time-based rules, and the
 * charge a vehicle is expected to have at a trip's start, wired by {@code OccupancyFeature}. The rules that decide
 * a live state are pure ({@code OccupancyRules}); the sensor registry ({@code SensorRegistry}) and the
 * single-threaded loop ({@code OccupancyService}) apply them. Depends on {@code booking}, {@code estate},
 * {@code identity} and {@code common}.
 */
package nl.flexplek.server.occupancy;
