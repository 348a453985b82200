/**
 * The server's own test helpers: a real server on a free port with its own database ({@link
 * nl.flexplek.server.testing.TestServer}), the clock the tests move ({@link nl.flexplek.server.testing.MutableClock}),
 * and publishing sensor messages to it. What the simulator's tests share with these (Mosquitto, Chromium, the page
 * helpers) lives in the {@code flexplek-testing} module's {@code nl.flexplek.testing}.
 */
package nl.flexplek.server.testing;
