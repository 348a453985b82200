// Live: what is happening at one site right now. The site's board (every desk, room and vehicle with its live
// state) is drawn per floor as a plan plus the same figures in tables, and kept current by the board's event stream;
// today's no-shows and the sensors' health are read again every minute.

import { api, currentSession } from '/assets/api.js';
import { formatTime } from '/assets/i18n.js';
import { followBoard } from './events.js';
import { h, svg } from '/assets/dom.js';
import {
  addDays, formatNumber, formatPercent, icon, locale, localToday, sitePicker, startOfLocalDay, stateBadge, table,
} from './ui.js';

const SLOW_REFRESH_MS = 60_000;
const REDRAW_DELAY_MS = 250;
const DESK_STATES = ['free', 'booked', 'in-use', 'walk-in', 'offline', 'out-of-service'];

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
    status.replaceChildren(icon(live ? 'free' : 'offline'),
      h('span', { text: `${t(live ? 'live.connected' : (connection === 'connecting' ? 'loading' : 'live.reconnecting'))}` }),
      h('span', { class: 'muted', text: `· ${t('live.updated', { time })}` }));
  }

  /** Draws everything again, keeping open lists open and the keyboard focus where it was. */
  function draw() {
    const open = new Set([...content.querySelectorAll('details[open]')].map((d) => d.id));
    const focused = content.contains(document.activeElement) ? document.activeElement.id : null;
    const desks = board.floors.flatMap((f) => f.desks);
    const counts = count(desks);
    const floorsWithDesks = board.floors.filter((f) => f.desks.length);
    content.replaceChildren(...[
      summary(counts, desks.length),
      floorsTable(floorsWithDesks),
      h('div', { class: 'floors-grid' }, floorsWithDesks.map(floorSection)),
      roomsSection(),
      h('div', { class: 'floors-grid' }, vehiclesSection(), sensorsSection()),
    ].filter(Boolean));
    for (const details of content.querySelectorAll('details')) {
      details.open = open.has(details.id);
    }
    if (focused) {
      document.getElementById(focused)?.focus();
    }
    drawStatus();
  }

  function summary(c, total) {
    const occupied = (c['in-use'] || 0) + (c['walk-in'] || 0);
    const booked = (c.booked || 0) + (c['in-use'] || 0);
    const attention = extras.sensors.filter((s) => s.status !== 'ok').length;
    const n = (v) => formatNumber(v || 0, ctx.language);
    const share = (v) => formatPercent(total ? v / total : 0, ctx.language);
    const card = (id, label, value, note) => h('li', { class: 'card', id },
      h('span', { class: 'card-label', text: label }),
      h('span', { class: 'card-value', text: value }),
      note ? h('span', { class: 'card-note', text: note }) : null);
    return h('section', { class: 'summary', 'aria-labelledby': 'live-summary-title' },
      h('h2', { id: 'live-summary-title', text: t('live.summaryTitle', { site: board.site.name }) }),
      h('ul', { class: 'cards' },
        card('card-occupied', t('live.occupied'), n(occupied), t('live.ofDesks', { total: n(total), share: share(occupied) })),
        card('card-booked', t('live.booked'), n(booked), t('live.ofDesks', { total: n(total), share: share(booked) })),
        card('card-walkins', t('live.walkIns'), n(c['walk-in']), t('live.walkInsNote')),
        card('card-free', t('live.free'), n(c.free), t('live.freeNote')),
        card('card-noshows', t('live.noShows'), n(extras.noShows.length), t('live.noShowsNote')),
        card('card-sensors', t('live.sensorsAttention'), n(attention), t('live.sensorsAttentionNote'))));
  }

  function floorsTable(floors) {
    const noShows = noShowsByFloor();
    const n = (v) => formatNumber(v || 0, ctx.language);
    const rows = floors.map((floor) => {
      const c = count(floor.desks);
      return [floor.name, n(floor.desks.length), n((c.booked || 0) + (c['in-use'] || 0)),
        n((c['in-use'] || 0) + (c['walk-in'] || 0)), n(c['walk-in']), n(noShows.get(floor.id)), n(c.free),
        n(c.offline), n(c['out-of-service'])];
    });
    return h('section', { class: 'panel', 'aria-labelledby': 'floors-title' },
      h('h2', { id: 'floors-title', text: t('live.floorsTitle') }),
      table(t('live.floorsCaption', { site: board.site.name }),
        [t('live.floor'), t('live.desks'), t('live.booked'), t('live.occupied'), t('live.walkIns'), t('live.noShows'),
          t('state.free'), t('state.offline'), t('state.out-of-service')],
        rows, { rowHeader: true, numeric: [1, 2, 3, 4, 5, 6, 7, 8], class: 'data floors', captionHidden: true }));
  }

  function noShowsByFloor() {
    const floorOf = new Map(board.floors.flatMap((f) => f.desks.map((d) => [d.id, f.id])));
    const counts = new Map();
    for (const booking of extras.noShows) {
      const floor = floorOf.get(booking.resourceId);
      counts.set(floor, (counts.get(floor) || 0) + 1);
    }
    return counts;
  }

  function floorSection(floor) {
    const id = `floor-${floor.id}`;
    const c = count(floor.desks);
    const noShows = noShowsByFloor().get(floor.id) || 0;
    const legend = h('ul', { class: 'legend', 'aria-label': t('live.legend') }, DESK_STATES.map((state) => h('li', {},
      stateBadge(state, t), h('span', { class: 'legend-count', text: formatNumber(c[state] || 0, ctx.language) }))));
    const zoneName = (zoneId) => floor.zones.find((z) => z.id === zoneId)?.name || '–';
    const list = h('details', { class: 'desk-list', id: `${id}-list` },
      h('summary', { text: t('live.deskList', { count: floor.desks.length }) }),
      table(t('live.deskListCaption', { floor: floor.name }),
        [t('live.desk'), t('live.zone'), t('live.state'), t('live.since')],
        floor.desks.map((d) => [d.name, zoneName(d.zoneId), stateBadge(d.state, t), sinceText(d.since)]),
        { rowHeader: true }));
    return h('section', { class: 'panel floor', id, 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title`, text: floor.name }),
      h('div', { class: 'floor-body' },
        floorPlan(floor, c),
        h('div', { class: 'floor-side' },
          h('p', { class: 'floor-figure' }, t('live.noShowsToday', { count: formatNumber(noShows, ctx.language) })),
          legend)),
      list);
  }

  function floorPlan(floor, c) {
    const placed = floor.desks.filter((d) => d.x !== null && d.x !== undefined && d.y !== null && d.y !== undefined);
    if (placed.length === 0) {
      return h('p', { class: 'muted', text: t('live.noPlan') });
    }
    const label = t('live.planLabel', {
      floor: floor.name, total: floor.desks.length,
      occupied: (c['in-use'] || 0) + (c['walk-in'] || 0), free: c.free || 0,
    });
    // The plan is the bounding box of the floor's desks (metres), with a margin of a little under one desk.
    const pad = 1.8;
    const minX = Math.min(...placed.map((d) => d.x)) - pad;
    const minY = Math.min(...placed.map((d) => d.y)) - pad;
    const w = Math.max(...placed.map((d) => d.x)) - minX + pad;
    const tall = Math.max(...placed.map((d) => d.y)) - minY + pad;
    const width = Math.min(640, Math.round(w * 22));
    const plan = svg('svg', {
      class: 'plan', viewBox: `${minX} ${minY} ${w} ${tall}`, width, height: Math.round((width * tall) / w),
      role: 'img', 'aria-label': label, id: `plan-${floor.id}`,
    });
    plan.append(svg('rect', { x: minX, y: minY, width: w, height: tall, class: 'plan-floor', rx: 0.4 }));
    const size = 1.9;
    for (const desk of placed) {
      const g = svg('g', { class: `plan-desk state-${desk.state}`, transform: `translate(${desk.x} ${desk.y})`,
        'data-desk': desk.id, 'data-state': desk.state },
      svg('title', {}, `${desk.name}: ${t(`state.${desk.state}`)}`),
      svg('rect', { x: -size / 2, y: -size / 2, width: size, height: size, rx: 0.25 }),
      svg('path', { d: iconPath(desk.state), class: 'plan-icon',
        transform: `translate(${-size / 2 + 0.25} ${-size / 2 + 0.25}) scale(${(size - 0.5) / 16})` }));
      plan.append(g);
    }
    const unplaced = floor.desks.length - placed.length;
    return h('div', { class: 'plan-wrap' }, plan,
      unplaced ? h('p', { class: 'muted small', text: t('live.unplaced', { count: unplaced }) }) : null);
  }

  function roomsSection() {
    if (!board.rooms.length) {
      return null;
    }
    const floorName = (id) => board.floors.find((f) => f.id === id)?.name || '–';
    return h('section', { class: 'panel', 'aria-labelledby': 'rooms-title' },
      h('h2', { id: 'rooms-title', text: t('live.roomsTitle') }),
      table(t('live.roomsTitle'), [t('live.room'), t('live.floor'), t('live.capacity'), t('live.state'), t('live.until'),
        t('live.next')],
      board.rooms.map((r) => [r.name, floorName(r.floorId), formatNumber(r.capacity, ctx.language),
        stateBadge(r.state, t), roomUntil(r),
        r.next?.length ? r.next.map((slot) => `${time(slot.start)}–${time(slot.end)}`).join(', ') : '–']),
      { rowHeader: true, numeric: [2], captionHidden: true, class: 'data rooms' }));
  }

  function roomUntil(room) {
    if (room.busyUntil) {
      return t('live.busyUntil', { time: time(room.busyUntil) });
    }
    if (room.state === 'free') {
      return room.freeUntil ? t('live.freeUntil', { time: time(room.freeUntil) }) : t('live.freeAllDay');
    }
    return '–';
  }

  function vehiclesSection() {
    if (!board.vehicles.length) {
      return null;
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'vehicles-title' },
      h('h2', { id: 'vehicles-title', text: t('live.vehiclesTitle') }),
      table(t('live.vehiclesTitle'), [t('live.vehicle'), t('live.state'), t('live.charge'), t('live.plugged'),
        t('live.range')], board.vehicles.map((v) => [
        h('span', { class: 'vehicle-name' }, h('span', { text: v.name }),
          h('span', { class: 'muted small', text: t(`type.${v.type}`) })),
        h('span', { class: 'vehicle-state' }, stateBadge(v.state, t),
          v.nextFreeAt ? h('span', { class: 'muted small', text: t('live.freeAgain', { time: time(v.nextFreeAt) }) }) : null),
        charge(v.soc),
        v.plugged === undefined || v.plugged === null ? '–'
          : h('span', { class: 'plugged' }, v.plugged ? icon('plug') : null,
            h('span', { text: v.plugged ? t('yes') : t('no') })),
        v.rangeKm ? t('live.km', { km: formatNumber(v.rangeKm, ctx.language) }) : '–']),
      { rowHeader: true, numeric: [4], captionHidden: true, class: 'data vehicles' }));
  }

  function charge(soc) {
    if (soc === undefined || soc === null) {
      return h('span', { class: 'muted', text: t('live.chargeUnknown') });
    }
    const fill = h('span', { class: `charge-fill${soc < 20 ? ' low' : ''}` });
    fill.style.width = `${Math.max(0, Math.min(100, soc))}%`;
    return h('span', { class: 'charge' },
      h('span', { class: 'charge-bar', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'charge-text', text: formatPercent(soc / 100, ctx.language) }),
      soc < 20 ? h('span', { class: 'charge-low' }, icon('warning'), h('span', { text: t('live.chargeLow') })) : null);
  }

  function sensorsSection() {
    const offline = extras.sensors.filter((s) => s.status === 'offline');
    const low = extras.sensors.filter((s) => s.status === 'low-battery');
    const unassigned = extras.unassigned;
    const names = new Map([...board.floors.flatMap((f) => f.desks), ...board.rooms, ...board.vehicles]
      .map((r) => [r.id, r.name]));
    const attention = [...offline, ...low, ...unassigned];
    const item = (id, name, label, value) => h('li', { class: 'card card-small', id },
      h('span', { class: 'card-label' }, icon(name), h('span', { text: label })),
      h('span', { class: 'card-value', text: formatNumber(value, ctx.language) }));
    const statusOf = (s) => {
      if (!s.resourceId) {
        return h('span', { class: 'state state-booked' }, icon('unassigned'), h('span', { text: t('sensor.unassigned') }));
      }
      return h('span', { class: 'state state-offline' }, icon(s.status === 'low-battery' ? 'battery' : 'offline'),
        h('span', { text: t(`sensor.${s.status}`) }));
    };
    return h('section', { class: 'panel', 'aria-labelledby': 'sensors-title' },
      h('h2', { id: 'sensors-title', text: t('live.sensorsTitle') }),
      h('ul', { class: 'cards' },
        item('sensors-offline', 'offline', t('sensor.offline'), offline.length),
        item('sensors-low', 'battery', t('sensor.low-battery'), low.length),
        item('sensors-unassigned', 'unassigned', t('sensor.unassigned'), unassigned.length)),
      attention.length === 0
        ? h('p', { text: t('live.sensorsAllOk') })
        : h('details', { class: 'desk-list', id: 'sensor-list' },
          h('summary', { text: t('live.sensorList', { count: attention.length }) }),
          table(t('live.sensorsTitle'), [t('live.sensor'), t('live.resource'), t('live.state'), t('live.lastSeen'),
            t('live.battery')], attention.slice(0, 200).map((s) => [s.id,
            s.resourceId ? (names.get(s.resourceId) || s.resourceId) : '–', statusOf(s),
            s.lastSeen ? sinceText(s.lastSeen) : t('live.never'),
            s.battery === undefined || s.battery === null ? '–' : formatPercent(s.battery / 100, ctx.language)]),
          { rowHeader: true, numeric: [4], captionHidden: true })));
  }

  function time(instant) {
    return formatTime(instant, ctx.language, board.site.timeZone);
  }

  function sinceText(instant) {
    if (!instant) {
      return '–';
    }
    const zone = board.site.timeZone;
    if (localToday(zone, new Date(instant)) === localToday(zone)) {
      return time(instant);
    }
    return `${new Intl.DateTimeFormat(locale(ctx.language), { day: 'numeric', month: 'short', timeZone: zone })
      .format(new Date(instant))} ${time(instant)}`;
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

function count(items) {
  const counts = {};
  for (const item of items) {
    counts[item.state] = (counts[item.state] || 0) + 1;
  }
  return counts;
}

// The same drawings as ui.js's icons, for use inside the floor plan's own coordinate system.
function iconPath(state) {
  return icon(state).firstChild.getAttribute('d');
}
