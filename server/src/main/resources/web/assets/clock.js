// The server's clock, as every page sees it. "Today", "now" and whether a session is still valid are the server's
// to decide: a phone, PC or wall screen whose clock is off (by minutes or by a year) must still show the right day
// and must not log anyone out. Every API answer carries the server's time in its Date header (whole seconds, good
// enough for days and day parts); answers that carry a precise instant (the board's generatedAt, occupancy's at)
// refine it.

let offsetMs = null;
let preciseMs = Infinity;

/**
 * Learns the server's time from one answer: serverMs is the server's clock, sentMs and receivedMs the browser's
 * clock around the request, uncertaintyMs how coarse serverMs is. The most precise reading wins.
 */
export function learnServerTime(serverMs, sentMs, receivedMs, uncertaintyMs = 0) {
  if (!Number.isFinite(serverMs)) {
    return;
  }
  const error = uncertaintyMs + (receivedMs - sentMs) / 2;
  if (offsetMs !== null && error > preciseMs && Math.abs(serverMs - (receivedMs + offsetMs)) <= error) {
    return; // an older, finer reading still agrees with this coarse one
  }
  offsetMs = serverMs - Math.round((sentMs + receivedMs) / 2);
  preciseMs = error;
}

/** Now by the server's clock, in epoch milliseconds (the browser's own until the first answer). */
export function serverNow() {
  return Date.now() + (offsetMs ?? 0);
}
