// Live: what is happening at one site right now. Per floor the desks that are booked, occupied (sensor presence or
// check-in), walk-ins, free and offline, drawn on a floor plan with a table of the same figures; today's no-shows;
// rooms; vehicles with their charge; sensors that need attention. Refreshed every 30 seconds.

import { api } from '/assets/api.js';
import { formatTime } from '/assets/i18n.js';
import {
  addDays, el, formatNumber, formatPercent, icon, locale, localToday, sitePicker, startOfLocalDay, stateBadge, svg, table,
} from './ui.js';

const REFRESH_MS = 30_000;
const DESK_STATES = ['free', 'booked', 'in-use', 'walk-in', 'offline', 'out-of-service'];

export function mount(root, ctx) {
  const { t } = ctx;
  let stopped = false;
  let timer = null;
  let siteId = null;
  let site = null;

  const status = el('p', { class: 'status-line', id: 'live-status' });
  const pickerSlot = el('div', { class: 'toolbar-item' });
  const content = el('div', { class: 'live', 'aria-busy': 'true' }, el('p', { text: t('loading') }));
  root.append(
    el('div', { class: 'page-head' },
      el('h1', { text: t('live.title') }),
      el('div', { class: 'toolbar' }, pickerSlot, status)),
    content);

  async function start() {
    try {
      const sites = await ctx.sites();
      siteId = await ctx.site();
      if (!siteId) {
        content.replaceChildren(el('p', { text: t('site.none') }));
        return;
      }
      pickerSlot.replaceChildren(sitePicker(sites, siteId, (chosen) => {
        siteId = chosen;
        ctx.chooseSite(chosen);
        content.setAttribute('aria-busy', 'true');
        refresh();
      }, t, 'live-site'));
      ctx.chooseSite(siteId);
      await refresh();
    } catch (error) {
      showError(error);
    }
  }

  async function refresh() {
    window.clearTimeout(timer);
    const asked = siteId;
    try {
      const data = await load(asked, await ctx.sites());
      if (stopped || asked !== siteId) {
        return;
      }
      site = data.site;
      draw(data);
      status.replaceChildren(icon('booked'), el('span', {
        text: t('live.updated', { time: formatTime(data.at, ctx.language, site.timeZone) }),
      }));
    } catch (error) {
      if (!stopped) {
        showError(error);
      }
    } finally {
      content.removeAttribute('aria-busy');
      if (!stopped) {
        timer = window.setTimeout(refresh, REFRESH_MS);
      }
    }
  }

  function showError(error) {
    status.replaceChildren(icon('warning'), el('span', { class: 'error-text', text: ctx.problemText(error) }));
  }

  function draw(data) {
    const desks = data.resources.filter((r) => r.type === 'desk');
    const stateOf = (r) => data.live.get(r.id)?.state || (r.inService ? 'free' : 'out-of-service');
    const deskCounts = count(desks, stateOf);
    const floorOf = new Map(data.resources.map((r) => [r.id, r.floorId]));
    const noShowsBy = groupCount(data.noShows, (b) => floorOf.get(b.resourceId));

    content.replaceChildren(...[
      summary(deskCounts, desks.length, data),
      floorsTable(data, stateOf, noShowsBy),
      el('div', { class: 'floors-grid' }, data.site.floors
        .filter((floor) => desks.some((d) => d.floorId === floor.id))
        .map((floor) => floorSection(floor, desks.filter((d) => d.floorId === floor.id), stateOf,
          noShowsBy.get(floor.id) || 0, data))),
      el('div', { class: 'floors-grid' },
        roomsSection(data, stateOf),
        el('div', {}, vehiclesSection(data, stateOf), sensorsSection(data)))].filter(Boolean));
  }

  function summary(c, total, data) {
    const occupied = (c['in-use'] || 0) + (c['walk-in'] || 0);
    const booked = (c.booked || 0) + (c['in-use'] || 0);
    const attention = data.sensors.filter((s) => s.status !== 'ok').length;
    const card = (id, label, value, note) => el('li', { class: 'card', id },
      el('span', { class: 'card-label', text: label }),
      el('span', { class: 'card-value', text: value }),
      note ? el('span', { class: 'card-note', text: note }) : null);
    return el('section', { class: 'summary', 'aria-labelledby': 'live-summary-title' },
      el('h2', { id: 'live-summary-title', text: t('live.summaryTitle', { site: data.site.name }) }),
      el('ul', { class: 'cards' },
        card('card-occupied', t('live.occupied'), formatNumber(occupied, ctx.language),
          t('live.ofDesks', { total: formatNumber(total, ctx.language), share: formatPercent(total ? occupied / total : 0, ctx.language) })),
        card('card-booked', t('live.booked'), formatNumber(booked, ctx.language),
          t('live.ofDesks', { total: formatNumber(total, ctx.language), share: formatPercent(total ? booked / total : 0, ctx.language) })),
        card('card-walkins', t('live.walkIns'), formatNumber(c['walk-in'] || 0, ctx.language), t('live.walkInsNote')),
        card('card-noshows', t('live.noShows'), formatNumber(data.noShows.length, ctx.language), t('live.noShowsNote')),
        card('card-free', t('live.free'), formatNumber(c.free || 0, ctx.language), t('live.freeNote')),
        card('card-sensors', t('live.sensorsAttention'), formatNumber(attention, ctx.language),
          t('live.sensorsAttentionNote'))));
  }

  function floorsTable(data, stateOf, noShowsBy) {
    const rows = data.site.floors.map((floor) => {
      const desks = data.resources.filter((r) => r.type === 'desk' && r.floorId === floor.id);
      const c = count(desks, stateOf);
      const n = (v) => formatNumber(v || 0, ctx.language);
      return [floor.name, n(desks.length), n((c.booked || 0) + (c['in-use'] || 0)),
        n((c['in-use'] || 0) + (c['walk-in'] || 0)), n(c['walk-in']), n(noShowsBy.get(floor.id)), n(c.free),
        n(c.offline), n(c['out-of-service'])];
    });
    return el('section', { class: 'panel', 'aria-labelledby': 'floors-title' },
      el('h2', { id: 'floors-title', text: t('live.floorsTitle') }),
      table(t('live.floorsCaption', { site: data.site.name }),
        [t('live.floor'), t('live.desks'), t('live.booked'), t('live.occupied'), t('live.walkIns'), t('live.noShows'),
          t('state.free'), t('state.offline'), t('state.out-of-service')],
        rows, { rowHeader: true, numeric: [1, 2, 3, 4, 5, 6, 7, 8], class: 'data floors', captionHidden: true }));
  }

  function floorSection(floor, desks, stateOf, noShows, data) {
    const id = `floor-${floor.id}`;
    const c = count(desks, stateOf);
    const legend = el('ul', { class: 'legend' }, DESK_STATES.map((state) => el('li', {},
      stateBadge(state, t), el('span', { class: 'legend-count', text: formatNumber(c[state] || 0, ctx.language) }))));
    const list = el('details', { class: 'desk-list' },
      el('summary', { text: t('live.deskList', { count: desks.length }) }),
      table(t('live.deskListCaption', { floor: floor.name }),
        [t('live.desk'), t('live.zone'), t('live.state'), t('live.since')],
        desks.map((d) => [d.name, zoneName(floor, d.zoneId), stateBadge(stateOf(d), t),
          sinceText(data.live.get(d.id)?.since)]), { rowHeader: true }));
    return el('section', { class: 'panel floor', id, 'aria-labelledby': `${id}-title` },
      el('h2', { id: `${id}-title`, text: floor.name }),
      desks.length === 0
        ? el('p', { class: 'muted', text: t('live.noDesks') })
        : el('div', { class: 'floor-body' },
          floorPlan(floor, desks, stateOf, c),
          el('div', { class: 'floor-side' },
            el('p', { class: 'floor-figure' }, t('live.noShowsToday', { count: formatNumber(noShows, ctx.language) })),
            legend)),
      desks.length ? list : null);
  }

  function floorPlan(floor, desks, stateOf, c) {
    const placed = desks.filter((d) => d.position);
    const label = t('live.planLabel', {
      floor: floor.name, total: desks.length,
      occupied: (c['in-use'] || 0) + (c['walk-in'] || 0), free: c.free || 0,
    });
    if (placed.length === 0) {
      return el('p', { class: 'muted', text: t('live.noPlan') });
    }
    const xs = placed.map((d) => d.position.x);
    const ys = placed.map((d) => d.position.y);
    const pad = 1.8;
    const minX = Math.min(...xs) - pad;
    const minY = Math.min(...ys) - pad;
    const w = Math.max(...xs) - minX + pad;
    const h = Math.max(...ys) - minY + pad;
    // About 18 px per metre, never wider than the column: a 2.5 m desk pitch stays easy to tell apart.
    const width = Math.min(640, Math.round(w * 22));
    const plan = svg('svg', {
      class: 'plan', viewBox: `${minX} ${minY} ${w} ${h}`, width, height: Math.round(width * h / w),
      role: 'img', 'aria-label': label,
    });
    plan.append(svg('rect', { x: minX, y: minY, width: w, height: h, class: 'plan-floor', rx: 0.4 }));
    for (const desk of placed) {
      const state = stateOf(desk);
      const size = 1.9;
      const g = svg('g', { class: `plan-desk state-${state}`, transform: `translate(${desk.position.x} ${desk.position.y})` },
        svg('title', {}, `${desk.name}: ${t(`state.${state}`)}`),
        svg('rect', { x: -size / 2, y: -size / 2, width: size, height: size, rx: 0.25 }),
        svg('path', { d: iconPath(state), transform: `translate(${-size / 2 + 0.25} ${-size / 2 + 0.25}) scale(${(size - 0.5) / 16})`,
          class: 'plan-icon' }));
      g.dataset.desk = desk.id;
      g.dataset.state = state;
      plan.append(g);
    }
    const unplaced = desks.length - placed.length;
    return el('div', { class: 'plan-wrap' }, plan,
      unplaced ? el('p', { class: 'muted small', text: t('live.unplaced', { count: unplaced }) }) : null);
  }

  function roomsSection(data, stateOf) {
    const rooms = data.resources.filter((r) => r.type === 'room');
    if (!rooms.length) {
      return null;
    }
    const floorName = (id) => data.site.floors.find((f) => f.id === id)?.name || '–';
    return el('section', { class: 'panel', 'aria-labelledby': 'rooms-title' },
      el('h2', { id: 'rooms-title', text: t('live.roomsTitle') }),
      table(t('live.roomsTitle'), [t('live.room'), t('live.floor'), t('live.capacity'), t('live.state'), t('live.since')],
        rooms.map((r) => [r.name, floorName(r.floorId), formatNumber(r.capacity, ctx.language), stateBadge(stateOf(r), t),
          sinceText(data.live.get(r.id)?.since)]), { rowHeader: true, numeric: [2], captionHidden: true }));
  }

  function vehiclesSection(data, stateOf) {
    const vehicles = data.resources.filter((r) => r.type === 'ebike' || r.type === 'ecar');
    if (!vehicles.length) {
      return null;
    }
    return el('section', { class: 'panel', 'aria-labelledby': 'vehicles-title' },
      el('h2', { id: 'vehicles-title', text: t('live.vehiclesTitle') }),
      table(t('live.vehiclesTitle'), [t('live.vehicle'), t('live.type'), t('live.state'), t('live.charge'), t('live.plugged'),
        t('live.range')], vehicles.map((v) => {
        const live = data.live.get(v.id) || {};
        return [v.name, t(`type.${v.type}`), stateBadge(stateOf(v), t), charge(live.soc),
          live.plugged === undefined || live.plugged === null ? '–'
            : el('span', { class: 'plugged' }, live.plugged ? icon('plug') : null,
              el('span', { text: live.plugged ? t('yes') : t('no') })),
          v.rangeKm ? t('live.km', { km: formatNumber(v.rangeKm, ctx.language) }) : '–'];
      }), { rowHeader: true, numeric: [5], captionHidden: true, class: 'data vehicles' }));
  }

  function charge(soc) {
    if (soc === undefined || soc === null) {
      return el('span', { class: 'muted', text: t('live.chargeUnknown') });
    }
    const fill = el('span', { class: `charge-fill${soc < 20 ? ' low' : ''}` });
    fill.style.width = `${Math.max(0, Math.min(100, soc))}%`;
    return el('span', { class: 'charge' },
      el('span', { class: 'charge-bar', 'aria-hidden': 'true' }, fill),
      el('span', { class: 'charge-text', text: formatPercent(soc / 100, ctx.language) }),
      soc < 20 ? el('span', { class: 'charge-low' }, icon('warning'), el('span', { text: t('live.chargeLow') })) : null);
  }

  function sensorsSection(data) {
    const offline = data.sensors.filter((s) => s.resourceId && s.status === 'offline');
    const low = data.sensors.filter((s) => s.resourceId && s.status === 'low-battery');
    const unassigned = data.unassigned;
    const names = new Map(data.resources.map((r) => [r.id, r.name]));
    const attention = [...offline, ...low, ...unassigned];
    const item = (id, name, label, value) => el('li', { class: 'card card-small', id },
      el('span', { class: 'card-label' }, icon(name), el('span', { text: label })),
      el('span', { class: 'card-value', text: formatNumber(value, ctx.language) }));
    return el('section', { class: 'panel', 'aria-labelledby': 'sensors-title' },
      el('h2', { id: 'sensors-title', text: t('live.sensorsTitle') }),
      el('ul', { class: 'cards' },
        item('sensors-offline', 'offline', t('sensor.offline'), offline.length),
        item('sensors-low', 'battery', t('sensor.low-battery'), low.length),
        item('sensors-unassigned', 'unassigned', t('sensor.unassigned'), unassigned.length)),
      attention.length === 0
        ? el('p', { text: t('live.sensorsAllOk') })
        : el('details', { class: 'desk-list' },
          el('summary', { text: t('live.sensorList', { count: attention.length }) }),
          table(t('live.sensorsTitle'), [t('live.sensor'), t('live.resource'), t('live.state'), t('live.lastSeen'),
            t('live.battery')], attention.slice(0, 200).map((s) => [s.id,
            s.resourceId ? (names.get(s.resourceId) || s.resourceId) : t('sensor.unassigned'),
            el('span', { class: `state state-${s.resourceId ? (s.status === 'ok' ? 'free' : 'offline') : 'booked'}` },
              icon(s.resourceId ? (s.status === 'low-battery' ? 'battery' : 'offline') : 'unassigned'),
              el('span', { text: t(s.resourceId ? `sensor.${s.status}` : 'sensor.unassigned') })),
            s.lastSeen ? sinceText(s.lastSeen) : t('live.never'),
            s.battery === undefined || s.battery === null ? '–' : formatPercent(s.battery / 100, ctx.language)]),
          { rowHeader: true, numeric: [4], captionHidden: true })));
  }

  function sinceText(instant) {
    if (!instant) {
      return '–';
    }
    const today = localToday(site.timeZone);
    const day = localToday(site.timeZone, new Date(instant));
    const time = formatTime(instant, ctx.language, site.timeZone);
    return day === today ? time : `${new Intl.DateTimeFormat(locale(ctx.language), { day: 'numeric', month: 'short', timeZone: site.timeZone })
      .format(new Date(instant))} ${time}`;
  }

  start();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}

/** Everything the live view shows for one site, read from the API in parallel. */
async function load(siteId, sites) {
  const site = sites.find((s) => s.id === siteId);
  const today = localToday(site.timeZone);
  const from = startOfLocalDay(today, site.timeZone).toISOString();
  const to = startOfLocalDay(addDays(today, 1), site.timeZone).toISOString();
  const query = (params) => new URLSearchParams(params).toString();
  const [occupancy, resources, sensors, noShows] = await Promise.all([
    api(`/api/v1/sites/${encodeURIComponent(siteId)}/occupancy`),
    api(`/api/v1/resources?${query({ siteId })}`),
    api('/api/v1/sensors'),
    api(`/api/v1/bookings?${query({ siteId, type: 'desk', status: 'no-show', from, to, limit: 1000 })}`),
  ]);
  return {
    site,
    at: occupancy.at,
    live: new Map(occupancy.resources.map((r) => [r.resourceId, r])),
    resources: resources.resources,
    sensors: sensors.sensors.filter((s) => s.siteId === siteId),
    unassigned: sensors.sensors.filter((s) => !s.resourceId && (!s.siteId || s.siteId === siteId)),
    noShows: noShows.bookings,
  };
}

function count(items, stateOf) {
  const counts = {};
  for (const item of items) {
    const state = stateOf(item);
    counts[state] = (counts[state] || 0) + 1;
  }
  return counts;
}

function groupCount(items, key) {
  const counts = new Map();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  return counts;
}

function zoneName(floor, zoneId) {
  return floor.zones?.find((z) => z.id === zoneId)?.name || '–';
}

// The same drawings as ui.js's icons, for use inside the floor plan's own coordinate system.
function iconPath(state) {
  const node = icon(state);
  return node.firstChild.getAttribute('d');
}
