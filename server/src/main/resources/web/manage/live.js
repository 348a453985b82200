// Live: what is happening at one site right now. This module keeps the view current: it loads the site's board
// (every desk, room and vehicle with its live state), follows the board's event stream, reads today's no-shows and
// the sensors' health again every minute, and redraws the parts (live-figures, live-floor, live-resources,
// live-sensors) keeping open lists open and the focus where it was.

import { api, currentSession } from '/assets/api.js';
import { formatTime } from '/assets/i18n.js';
import { h } from '/assets/dom.js';
import { followBoard } from './events.js';
import { floorsTable, summaryCards } from './live-figures.js';
import { floorSection } from './live-floor.js';
import { roomsSection, vehiclesSection } from './live-resources.js';
import { sensorsSection } from './live-sensors.js';
import { countStates, liveView } from './live-view.js';
import { addDays, icon, localToday, sitePicker, startOfLocalDay } from './ui.js';

const SLOW_REFRESH_MS = 60_000;
const REDRAW_DELAY_MS = 250;

export function mount(root, ctx) {
  const { t } = ctx;
  let stopped = false;
  let siteId = null;
  let board = null;
  let extras = null;
  let stopStream = null;
  let slowTimer = null;
  let redrawTimer = null;
  let lastChange = null;
  let connection = 'connecting';

  const status = h('p', { class: 'status-line', id: 'live-status' });
  const pickerSlot = h('div', { class: 'toolbar-item' });
  const content = h('div', { class: 'live', id: 'live-content', 'aria-busy': 'true' }, h('p', { text: t('loading') }));
  root.append(
    h('div', { class: 'page-head' },
      h('h1', { text: t('live.title') }),
      h('div', { class: 'toolbar' }, pickerSlot, status)),
    content);

  async function start() {
    try {
      const sites = await ctx.sites();
      const chosen = await ctx.site();
      if (!chosen) {
        content.replaceChildren(h('p', { text: t('site.none') }));
        return;
      }
      pickerSlot.replaceChildren(sitePicker(sites, chosen, (id) => selectSite(id), t, 'live-site'));
      await selectSite(chosen);
    } catch (error) {
      showError(error);
    }
  }

  async function selectSite(id) {
    siteId = id;
    ctx.chooseSite(id);
    stopStream?.();
    stopStream = null;
    window.clearTimeout(slowTimer);
    content.setAttribute('aria-busy', 'true');
    try {
      const [snapshot, more] = await Promise.all([loadBoard(id), loadExtras(id, await ctx.sites())]);
      if (stopped || id !== siteId) {
        return;
      }
      board = snapshot;
      extras = more;
      lastChange = board.generatedAt;
      draw();
      const token = currentSession()?.token;
      stopStream = followBoard(id, token, board.lastEventId, {
        onEvent: (name, data) => onEvent(id, name, data),
        onStatus: (value) => { connection = value; drawStatus(); },
        onDenied: (code) => {
          connection = 'denied';
          drawStatus();
          if (code === 401) {
            ctx.sessionLost();
          }
        },
      });
    } catch (error) {
      showError(error);
    } finally {
      content.removeAttribute('aria-busy');
    }
    slowTimer = window.setTimeout(refreshExtras, SLOW_REFRESH_MS);
  }

  async function refreshExtras() {
    const asked = siteId;
    try {
      const more = await loadExtras(asked, await ctx.sites());
      if (!stopped && asked === siteId) {
        extras = more;
        scheduleDraw();
      }
    } catch (error) {
      // The next round will try again; the board itself stays live.
    }
    if (!stopped && asked === siteId) {
      slowTimer = window.setTimeout(refreshExtras, SLOW_REFRESH_MS);
    }
  }

  async function onEvent(id, name, data) {
    if (stopped || id !== siteId || !board) {
      return;
    }
    if (name === 'reset') {
      try {
        board = await loadBoard(id);
        lastChange = board.generatedAt;
        scheduleDraw();
      } catch (error) {
        showError(error);
      }
      return;
    }
    if (name !== 'resource') {
      return;
    }
    let change;
    try {
      change = JSON.parse(data);
    } catch (ignored) {
      return;
    }
    if (replaceEntry(board, change.kind, change.resource)) {
      // The server's time of the change, not this browser's clock.
      lastChange = change.resource.since || lastChange;
      scheduleDraw();
    }
  }

  function scheduleDraw() {
    window.clearTimeout(redrawTimer);
    redrawTimer = window.setTimeout(() => { if (!stopped) draw(); }, REDRAW_DELAY_MS);
  }

  function showError(error) {
    status.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
  }

  function drawStatus() {
    if (!board) {
      return;
    }
    const time = formatTime(lastChange || board.generatedAt, ctx.language, board.site.timeZone);
    const live = connection === 'live';
    status.dataset.connection = connection;
    status.replaceChildren(icon(live ? 'done' : 'disconnected'),
      h('span', { text: `${t(live ? 'live.connected' : (connection === 'connecting' ? 'loading' : 'live.reconnecting'))}` }),
      h('span', { class: 'muted', text: `· ${t('live.updated', { time })}` }));
  }

  /** Draws everything again, keeping open lists open and the keyboard focus where it was. */
  function draw() {
    const open = new Set([...content.querySelectorAll('details[open]')].map((d) => d.id));
    const focused = content.contains(document.activeElement) ? document.activeElement.id : null;
    const view = liveView(board, extras, ctx);
    const desks = board.floors.flatMap((f) => f.desks);
    const floorsWithDesks = board.floors.filter((f) => f.desks.length);
    content.replaceChildren(...[
      summaryCards(view, countStates(desks), desks.length),
      floorsTable(view, floorsWithDesks),
      h('div', { class: 'floors-grid' }, floorsWithDesks.map((floor) => floorSection(view, floor))),
      roomsSection(view),
      h('div', { class: 'floors-grid' }, vehiclesSection(view), sensorsSection(view)),
    ].filter(Boolean));
    for (const details of content.querySelectorAll('details')) {
      details.open = open.has(details.id);
    }
    if (focused) {
      document.getElementById(focused)?.focus();
    }
    drawStatus();
  }

  start();
  return () => {
    stopped = true;
    stopStream?.();
    window.clearTimeout(slowTimer);
    window.clearTimeout(redrawTimer);
  };
}

function loadBoard(siteId) {
  return api(`/api/v1/sites/${encodeURIComponent(siteId)}/board`);
}

/** Today's desk no-shows and the sensors' health: not on the board, so read on their own. */
async function loadExtras(siteId, sites) {
  const site = sites.find((s) => s.id === siteId);
  const today = localToday(site.timeZone);
  const from = startOfLocalDay(today, site.timeZone).toISOString();
  const to = startOfLocalDay(addDays(today, 1), site.timeZone).toISOString();
  const query = new URLSearchParams({ siteId, type: 'desk', status: 'no-show', from, to, limit: 1000 });
  const [noShows, sensors] = await Promise.all([
    api(`/api/v1/bookings?${query}`),
    api('/api/v1/sensors'),
  ]);
  return {
    noShows: noShows.bookings,
    sensors: sensors.sensors.filter((s) => s.resourceId && s.siteId === siteId),
    unassigned: sensors.sensors.filter((s) => !s.resourceId),
  };
}

/** Puts a changed desk, room or vehicle in the board in place of its old entry; false when it is not there. */
function replaceEntry(board, kind, resource) {
  if (!resource?.id) {
    return false;
  }
  const swap = (list) => {
    const at = list.findIndex((entry) => entry.id === resource.id);
    if (at < 0) {
      return false;
    }
    list[at] = { ...list[at], ...resource };
    return true;
  };
  if (kind === 'desk') {
    return board.floors.some((floor) => swap(floor.desks));
  }
  if (kind === 'room') {
    return swap(board.rooms);
  }
  if (kind === 'vehicle') {
    return swap(board.vehicles);
  }
  return false;
}
