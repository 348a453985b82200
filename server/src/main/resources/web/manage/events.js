// A site's live board events (Server-Sent Events) read with fetch rather than EventSource: the bearer token goes in
// the Authorization header, not in the address (where proxies would log it), and the heartbeat comments are seen,
// so a silent connection is noticed after 45 seconds and opened again. Resumes with Last-Event-ID.

const SILENCE_MS = 45_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Follows /api/v1/sites/{siteId}/board/events. Callbacks: onEvent(name, data), onStatus('live' | 'reconnecting'),
 * onDenied(status) when the server says 401/403 (the stream then stops). Returns a function that stops it.
 */
export function followBoard(siteId, token, lastEventId, { onEvent, onStatus, onDenied }) {
  let stopped = false;
  let lastId = lastEventId;
  let controller = null;
  let watchdog = null;
  let attempt = 0;

  const url = `/api/v1/sites/${encodeURIComponent(siteId)}/board/events`;

  const feed = () => {
    window.clearTimeout(watchdog);
    watchdog = window.setTimeout(() => controller?.abort(), SILENCE_MS);
  };

  async function connect() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
        if (lastId) {
          headers['Last-Event-ID'] = lastId;
        }
        feed();
        const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (response.status === 401 || response.status === 403) {
          stopped = true;
          onDenied?.(response.status);
          break;
        }
        if (!response.ok || !response.body) {
          throw new Error(`HTTP ${response.status}`);
        }
        attempt = 0;
        onStatus?.('live');
        await read(response.body, feed, (id, name, data) => {
          if (id) {
            lastId = id;
          }
          onEvent(name, data);
        });
      } catch (ignored) {
        // Aborted by the watchdog, the network, or the server going away: try again below.
      } finally {
        window.clearTimeout(watchdog);
      }
      if (stopped) {
        break;
      }
      onStatus?.('reconnecting');
      await new Promise((resolve) => { window.setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]); });
      attempt += 1;
    }
  }

  connect();
  return () => {
    stopped = true;
    window.clearTimeout(watchdog);
    controller?.abort();
  };
}

/** Parses the text/event-stream format (WHATWG HTML, "event stream interpretation") until the stream ends. */
async function read(body, onTraffic, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let id = null;
  let name = '';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    onTraffic();
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (data.length) {
          dispatch(id, name || 'message', data.join('\n'));
        }
        name = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) {
        value = value.slice(1);
      }
      if (field === 'data') {
        data.push(value);
      } else if (field === 'event') {
        name = value;
      } else if (field === 'id') {
        id = value;
      }
    }
  }
}
