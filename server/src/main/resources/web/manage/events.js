// A site's live board events, followed for as long as the dashboard shows them: the shared fetch-based reader
// (/assets/event-stream.js) sends the token in the Authorization header, not in the address where proxies would log
// it, and sees the heartbeat comments, so a connection silent for 45 seconds is opened again. Resumes with
// Last-Event-ID.
import { openStream } from '/assets/event-stream.js';

const SILENCE_MS = 45_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Follows /api/v1/sites/{siteId}/board/events. Callbacks: onEvent(name, data), onStatus('live' | 'reconnecting'),
 * onDenied(status) when the server says 401/403 (the stream then stops). Returns a function that stops it.
 */
export function followBoard(siteId, token, lastEventId, { onEvent, onStatus, onDenied }) {
  const url = `/api/v1/sites/${encodeURIComponent(siteId)}/board/events`;
  let stopped = false;
  let lastId = lastEventId;
  let stream = null;
  let watchdog = null;
  let retry = null;
  let attempt = 0;

  const feed = () => {
    window.clearTimeout(watchdog);
    watchdog = window.setTimeout(() => {
      stream?.close();
      reconnect();
    }, SILENCE_MS);
  };

  function connect() {
    if (stopped) {
      return;
    }
    feed();
    stream = openStream(url, {
      token,
      lastEventId: lastId,
      onOpen: () => {
        attempt = 0;
        onStatus?.('live');
      },
      onTraffic: feed,
      onEvent: ({ type, id, data }) => {
        if (id) {
          lastId = id;
        }
        onEvent(type, data);
      },
      onClose: ({ status }) => {
        if (status === 401 || status === 403) {
          stopped = true;
          window.clearTimeout(watchdog);
          onDenied?.(status);
          return;
        }
        reconnect();
      },
    });
  }

  function reconnect() {
    window.clearTimeout(watchdog);
    if (stopped) {
      return;
    }
    onStatus?.('reconnecting');
    retry = window.setTimeout(connect, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    attempt += 1;
  }

  connect();
  return () => {
    stopped = true;
    window.clearTimeout(watchdog);
    window.clearTimeout(retry);
    stream?.close();
  };
}
