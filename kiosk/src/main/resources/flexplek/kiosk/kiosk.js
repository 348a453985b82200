// The entrance display, opened as /kiosk/{siteId}?token=...&lang=nl|de|en|rotate in a browser in kiosk mode.
// It fetches the site's board, then follows the board's live events and changes only what changed. When the stream
// breaks or falls silent it says so, greys its figures and keeps trying by itself; a revoked token gets a calm
// message instead of a board. Nobody touches a wall screen to fix it, so every path leads back to a live board.

import { LANGUAGES, loadCatalogues, translator, translatePage, formatTime, formatDate } from '/assets/i18n.js';
import { api, currentSession } from '/assets/api.js';
import { setText, svg } from '/assets/dom.js';
import { Board } from './board.js';
import { View } from './view.js';
import { openStream } from '/assets/event-stream.js';
import { learnServerTime, serverNow } from '/assets/clock.js';

const ROTATE_EVERY_MS = 20_000;
const CYCLE_EVERY_MS = 15_000;
/** The server sends a heartbeat every 15 s; three missed ones mean the connection is gone, whatever TCP thinks. */
const SILENCE_LIMIT_MS = 45_000;
/** Someone who picked a language has this long to read before the screen goes back to its own language(s). */
const LANGUAGE_CHOICE_MS = 120_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 20_000;
/** A revoked token does not come back, but a restored server might know it again: look now and then. */
const UNREGISTERED_RECHECK_MS = 300_000;

const root = document.getElementById('kiosk');
const params = new URLSearchParams(window.location.search);
const siteId = decodeURIComponent(window.location.pathname.replace(/\/+$/, '').split('/').pop());
const base = `/api/v1/sites/${encodeURIComponent(siteId)}/board`;
const token = params.get('token') || currentSession()?.token || null;
const ownLanguage = LANGUAGES.includes(params.get('lang')) ? params.get('lang') : null; // null: rotate

const board = new Board();
let language = ownLanguage || LANGUAGES[0];
const MESSAGES = await loadCatalogues('kiosk');
let t = translator(MESSAGES, language);
const view = new View(t);

let lastUpdate = null; // server time (ms) when the board was last known to be current
let lastTraffic = 0;
let stream = null;
let connects = 0;
let connection = 'connecting';
let retryDelay = RETRY_FIRST_MS;
let retryTimer = null;
let chosenUntil = 0;
let choiceTimer = null;

function now() {
  return serverNow(); // the screen shows the server's time, whatever this machine's clock says
}

// --- connection ---

/** Fetches the board and follows its events from exactly that snapshot on. */
async function connect() {
  clearTimeout(retryTimer);
  retryTimer = null;
  closeStream();
  const attempt = ++connects;
  let snapshot;
  const sentMs = Date.now();
  try {
    snapshot = await api(base, { token });
  } catch (error) {
    if (attempt === connects) {
      if (error.status === 401 || error.status === 403) {
        unregistered();
      } else {
        lost();
      }
    }
    return;
  }
  if (attempt !== connects) {
    return; // a newer attempt took over
  }
  learnServerTime(Date.parse(snapshot.generatedAt), sentMs, Date.now());
  lastUpdate = now();
  board.load(snapshot);
  view.load(board, qrSource(board.links.bookingQr));
  root.classList.remove('loading', 'is-unregistered');
  document.getElementById('unregistered').hidden = true;
  renderClock();
  listen();
}

function listen() {
  const mine = openStream(`${base}/events`, {
    token,
    lastEventId: board.lastEventId,
    onOpen: () => {
      if (stream === mine) {
        lastTraffic = Date.now();
        online();
      }
    },
    onTraffic: () => {
      if (stream === mine) {
        lastTraffic = Date.now();
        lastUpdate = now();
      }
    },
    onEvent: (event) => {
      if (stream === mine) {
        receive(event);
      }
    },
    onClose: ({ status }) => {
      if (stream !== mine) {
        return;
      }
      stream = null;
      if (status === 401 || status === 403) {
        unregistered();
      } else {
        lost();
      }
    },
  });
  stream = mine;
}

function receive(event) {
  if (event.id) {
    board.lastEventId = event.id;
  }
  if (event.type === 'reset') {
    connect(); // the server cannot replay what this screen missed: start again from a snapshot
    return;
  }
  if (event.type !== 'resource') {
    return;
  }
  let change;
  try {
    change = JSON.parse(event.data);
  } catch (malformed) {
    return;
  }
  const kept = board.apply(change.kind, change.resource);
  if (kept) {
    view.apply(change.kind, kept);
  } else {
    connect(); // a resource this snapshot does not know: the estate changed
  }
}

function closeStream() {
  const open = stream;
  stream = null;
  open?.close();
}

function online() {
  connection = 'online';
  retryDelay = RETRY_FIRST_MS;
  root.classList.remove('stale');
  root.dataset.connection = connection;
  renderBanner();
}

/** The board may be out of date: say so, grey the figures, and try again a little later each time. */
function lost() {
  closeStream();
  connection = 'offline';
  root.classList.add('stale');
  root.dataset.connection = connection;
  renderBanner();
  if (!retryTimer) {
    const delay = retryDelay * (0.8 + Math.random() * 0.4);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    retryTimer = setTimeout(connect, delay);
  }
}

function unregistered() {
  closeStream();
  connection = 'unregistered';
  root.classList.remove('loading', 'stale');
  root.classList.add('is-unregistered');
  root.dataset.connection = connection;
  document.getElementById('unregistered').hidden = false;
  renderBanner();
  clearTimeout(retryTimer);
  retryTimer = setTimeout(connect, UNREGISTERED_RECHECK_MS);
}

function watchSilence() {
  if (connection === 'online' && Date.now() - lastTraffic > SILENCE_LIMIT_MS) {
    lost();
  }
}

function qrSource(path) {
  if (!path) {
    return null;
  }
  return token ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : path;
}

// --- what the screen says besides the board ---

function renderBanner() {
  const banner = document.getElementById('banner');
  let text = '';
  if (connection === 'offline') {
    const when = lastUpdate ? t('offline', { time: formatTime(lastUpdate, language, board.site?.timeZone) })
      : t('offline.never');
    text = `${when}. ${t('offline.retry')}`;
  }
  if (banner.textContent !== text) {
    banner.replaceChildren();
    if (text) {
      banner.append(svg('svg', { class: 'icon', 'aria-hidden': 'true' }, svg('use', { href: '#i-warning' })), text);
    }
  }
  banner.hidden = !text;
}

function renderClock() {
  const timeZone = board.site?.timeZone;
  const instant = now();
  setText(document.getElementById('clock'), formatTime(instant, language, timeZone));
  document.getElementById('clock').dateTime = new Date(instant).toISOString();
  setText(document.getElementById('date'), formatDate(instant, language, timeZone));
  renderOpening(instant, timeZone);
}

function renderOpening(instant, timeZone) {
  const hours = board.openingHours;
  let text = '';
  if (hours && !hours.open) {
    text = hours.closedReason ? t('hours.closedReason', { reason: hours.closedReason }) : t('hours.closedToday');
  } else if (hours) {
    const local = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
      .format(new Date(instant));
    const key = local < hours.opens ? 'hours.opens' : local >= hours.closes ? 'hours.closedNow' : 'hours.open';
    text = t(key, { opens: hours.opens, closes: hours.closes });
    refreshAtNewDay(instant, timeZone, hours.date);
  }
  setText(document.getElementById('opening'), text);
}

/** After midnight the snapshot's opening hours, bookings and "free until" belong to yesterday. */
function refreshAtNewDay(instant, timeZone, boardDate) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant));
  if (boardDate && today > boardDate && connection === 'online') {
    board.openingHours = { ...board.openingHours, date: today }; // one refresh, not one a second
    connect();
  }
}

function setLanguage(next) {
  language = next;
  t = translator(MESSAGES, next);
  translatePage(t);
  if (!board.site) {
    document.title = t('page.title');
  }
  view.setLanguage(t);
  renderClock();
  renderBanner();
  for (const button of document.querySelectorAll('[data-language]')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === next));
  }
}

function rotateLanguage() {
  if (!ownLanguage && Date.now() >= chosenUntil) {
    setLanguage(LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length]);
  }
}

/** Someone at the screen picked a language; the screen's own setting returns after a while. */
function chooseLanguage(chosen) {
  chosenUntil = Date.now() + LANGUAGE_CHOICE_MS;
  setLanguage(chosen);
  clearTimeout(choiceTimer);
  choiceTimer = setTimeout(() => {
    chosenUntil = 0;
    if (ownLanguage) {
      setLanguage(ownLanguage);
    }
  }, LANGUAGE_CHOICE_MS);
}

for (const button of document.querySelectorAll('[data-language]')) {
  button.addEventListener('click', () => chooseLanguage(button.dataset.language));
}
root.dataset.connection = connection;
setLanguage(language);
setInterval(renderClock, 1_000);
setInterval(watchSilence, 5_000);
setInterval(rotateLanguage, ROTATE_EVERY_MS);
setInterval(() => view.cycle(), CYCLE_EVERY_MS);
connect();
