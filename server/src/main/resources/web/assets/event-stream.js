// Server-sent events read with fetch rather than EventSource (the kiosk and the dashboard use it), for three reasons:
// the server's comment heartbeats (": keep-alive") count as traffic, so 45 s of silence can be told from a quiet site (EventSource
// never shows comments); the HTTP status of a refusal is known, so a revoked token (401/403) is told from a network
// fault (EventSource only says "error"); and Last-Event-ID can be sent on the first connection, so the stream resumes
// exactly after the snapshot the screen just drew.

/**
 * Opens the stream. Callbacks: onOpen(), onTraffic() for every chunk (events and heartbeats), onEvent({type, id,
 * data}), onClose({status}) once when it ends for any reason other than close() (status 0: network; 200: the server
 * ended it). Returns {close()}.
 */
export function openStream(url, { token, lastEventId, onOpen, onTraffic, onEvent, onClose }) {
  const controller = new AbortController();
  let closed = false;
  const finish = (status) => {
    if (!closed) {
      closed = true;
      onClose({ status });
    }
  };

  (async () => {
    const headers = { Accept: 'text/event-stream' };
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (lastEventId) {
      headers['Last-Event-ID'] = lastEventId;
    }
    let response;
    try {
      response = await fetch(url, { headers, cache: 'no-store', signal: controller.signal });
    } catch (networkFault) {
      finish(0);
      return;
    }
    if (!response.ok || !response.body) {
      finish(response.status);
      return;
    }
    onOpen();
    const parser = new EventParser(onEvent);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        onTraffic();
        parser.push(value);
      }
      finish(200);
    } catch (broken) {
      finish(0);
    }
  })();

  return {
    close() {
      closed = true;
      controller.abort();
    },
  };
}

/** The text/event-stream format (HTML Living Standard, 9.2.6), fed in chunks that may split lines anywhere. */
class EventParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.type = '';
    this.data = [];
    this.id = null;
  }

  push(chunk) {
    this.buffer += chunk;
    let end;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) {
        break; // a CR at the end of the chunk may be the first half of CRLF
      }
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({ type: this.type || 'message', id: this.id, data: this.data.join('\n') });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      return; // a comment: the heartbeat
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.type = value;
    } else if (field === 'data') {
      this.data.push(value);
    } else if (field === 'id' && !value.includes('\0')) {
      this.id = value;
    }
  }
}
