package nl.flexplek.server.board;

/**
 * One event of a site's stream, already serialised: hundreds of screens share the same bytes. {@code name} is
 * {@code resource} (an entry changed) or {@code reset} (fetch the board again).
 */
record BoardEvent(long sequence, String name, String data) {
}
