/**
 * What the server's and the simulator's tests share: finding the programs they start ({@link nl.flexplek.testing.Programs}),
 * a real Mosquitto ({@link nl.flexplek.testing.Mosquitto}), a real headless Chromium ({@link nl.flexplek.testing.Browser})
 * and the few steps every page test takes ({@link nl.flexplek.testing.Pages}). It depends on no Flexplek module, so the
 * simulator can use it without seeing the server's classes; helpers that need a running server live in the server's
 * own {@code nl.flexplek.server.testing}.
 */
package nl.flexplek.testing;
