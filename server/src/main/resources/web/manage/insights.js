// Over time: how a site was used in a period (four weeks up to today unless chosen otherwise). A weekday × hour
// heatmap, the day series, peak days, no-show and walk-in rates, figures per zone and the pool vehicles' use; every
// chart has its numbers in a table next to it. Exports: the day figures as CSV (fetched with the token) and the
// public open-data file.

import { api } from '/assets/api.js';
import { h, svg } from '/assets/dom.js';
import { addDays, formatLocalDate, formatNumber, icon, locale, localToday, saveBlob, table } from './ui.js';

const TYPES = ['desk', 'room', 'ebike', 'ecar'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DEFAULT_DAYS = 28;
const MAX_DAYS = 366;
// A stepped scale, light to dark blue: each step's text colour (ink or white) keeps at least 4.5:1 contrast.
const SCALE = [
  { from: 0, fill: '#f1f6fa', ink: true },
  { from: 10, fill: '#d3e4f1', ink: true },
  { from: 20, fill: '#a8cae3', ink: true },
  { from: 35, fill: '#86b4d8', ink: true },
  { from: 50, fill: '#6a9dc9', ink: true },
  { from: 60, fill: '#3a76a8', ink: false },
  { from: 70, fill: '#1a5584', ink: false },
  { from: 85, fill: '#0c3b64', ink: false },
];

export function mount(root, ctx) {
  const { t } = ctx;
  let stopped = false;
  let sites = [];
  let site = null;
  let query = null;
  let measure = 'bookedPercent';

  const formSlot = h('div');
  const message = h('p', { class: 'form-message', id: 'insights-message', role: 'alert' });
  const content = h('div', { id: 'insights-content' });
  root.append(
    h('div', { class: 'page-head' }, h('h1', { text: t('insights.title') })),
    formSlot, message, content);

  async function start() {
    try {
      sites = await ctx.sites();
      const params = new URLSearchParams(window.location.search);
      const siteId = await ctx.site();
      site = sites.find((s) => s.id === siteId);
      const today = localToday(site.timeZone);
      query = {
        siteId,
        zoneId: params.get('zone') || '',
        type: TYPES.includes(params.get('type')) ? params.get('type') : 'desk',
        from: validDate(params.get('from')) || addDays(today, -(DEFAULT_DAYS - 1)),
        to: validDate(params.get('to')) || today,
      };
      formSlot.replaceChildren(periodForm());
      await load();
    } catch (error) {
      message.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
    }
  }

  function periodForm() {
    const siteSelect = h('select', { id: 'insights-site', name: 'siteId' },
      sites.map((s) => h('option', { value: s.id, text: s.name, selected: s.id === query.siteId })));
    const zoneSelect = h('select', { id: 'insights-zone', name: 'zoneId' });
    const fillZones = () => {
      const chosen = sites.find((s) => s.id === siteSelect.value);
      zoneSelect.replaceChildren(h('option', { value: '', text: t('insights.allZones') }),
        ...chosen.floors.flatMap((f) => (f.zones || []).map((z) => h('option', {
          value: z.id, text: `${z.name} (${f.name})`, selected: z.id === query.zoneId,
        }))));
    };
    siteSelect.addEventListener('change', () => { query.zoneId = ''; fillZones(); });
    fillZones();
    const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
    const form = h('form', { class: 'panel period', id: 'insights-form', novalidate: true },
      field('insights-site', t('site.label'), siteSelect),
      field('insights-zone', t('live.zone'), zoneSelect),
      field('insights-type', t('estate.type'), h('select', { id: 'insights-type', name: 'type' },
        TYPES.map((type) => h('option', { value: type, text: t(`types.${type}`), selected: type === query.type })))),
      field('insights-from', t('insights.from'), h('input', { id: 'insights-from', name: 'from', type: 'date',
        value: query.from, required: true })),
      field('insights-to', t('insights.to'), h('input', { id: 'insights-to', name: 'to', type: 'date',
        value: query.to, required: true })),
      h('div', { class: 'field period-submit' }, h('button', { type: 'submit', class: 'button' }, t('insights.show'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const from = String(data.get('from'));
      const to = String(data.get('to'));
      if (!validDate(from) || !validDate(to) || from > to) {
        message.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: t('insights.badPeriod') }));
        return;
      }
      if (daysBetween(from, to) + 1 > MAX_DAYS) {
        message.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: t('insights.tooLong', { max: MAX_DAYS }) }));
        return;
      }
      query = { siteId: String(data.get('siteId')), zoneId: String(data.get('zoneId')), type: String(data.get('type')), from, to };
      site = sites.find((s) => s.id === query.siteId);
      ctx.chooseSite(query.siteId);
      load();
    });
    return form;
  }

  async function load() {
    message.replaceChildren();
    content.setAttribute('aria-busy', 'true');
    const url = new URL(window.location.href);
    url.searchParams.set('site', query.siteId);
    url.searchParams.set('from', query.from);
    url.searchParams.set('to', query.to);
    url.searchParams.set('type', query.type);
    if (query.zoneId) {
      url.searchParams.set('zone', query.zoneId);
    } else {
      url.searchParams.delete('zone');
    }
    history.replaceState(null, '', url);
    const params = new URLSearchParams({ siteId: query.siteId, from: query.from, to: query.to, type: query.type });
    if (query.zoneId) {
      params.set('zoneId', query.zoneId);
    }
    const asked = JSON.stringify(query);
    try {
      const [figures, vehicles] = await Promise.all([
        api(`/api/v1/insights/utilization?${params}`),
        api(`/api/v1/insights/vehicles?${new URLSearchParams({ siteId: query.siteId, from: query.from, to: query.to })}`),
      ]);
      if (stopped || asked !== JSON.stringify(query)) {
        return;
      }
      draw(figures, vehicles);
      ctx.announce(t('insights.loaded', { site: site.name }));
    } catch (error) {
      content.replaceChildren();
      message.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: error.status === 404
        ? t('insights.unavailable') : ctx.problemText(error) }));
    } finally {
      content.removeAttribute('aria-busy');
    }
  }

  function draw(u, vehicles) {
    content.replaceChildren(
      summary(u),
      heatmapSection(u),
      daysSection(u),
      h('div', { class: 'floors-grid' }, peakSection(u), ratesSection(u)),
      zonesSection(u),
      vehiclesSection(vehicles),
      exportSection());
  }

  const pct = (value, digits = 0) => (value === null || value === undefined ? '–'
    : `${formatNumber(value, ctx.language, digits)} %`);
  const n = (value) => formatNumber(value ?? 0, ctx.language);
  const scope = (u) => {
    const zone = u.zoneId ? site.floors.flatMap((f) => f.zones || []).find((z) => z.id === u.zoneId)?.name : null;
    return t('insights.scope', {
      what: t(`types.${u.type}`), count: n(u.resources), site: site.name,
      from: formatLocalDate(u.from, ctx.language, { day: 'numeric', month: 'short', year: 'numeric' }),
      to: formatLocalDate(u.to, ctx.language, { day: 'numeric', month: 'short', year: 'numeric' }),
    }) + (zone ? ` · ${t('live.zone')}: ${zone}` : '');
  };

  function summary(u) {
    const s = u.summary;
    const card = (id, label, value, note) => h('li', { class: 'card', id },
      h('span', { class: 'card-label', text: label }), h('span', { class: 'card-value', text: value }),
      note ? h('span', { class: 'card-note', text: note }) : null);
    return h('section', { class: 'summary', 'aria-labelledby': 'insights-summary-title' },
      h('h2', { id: 'insights-summary-title', text: t('insights.summaryTitle') }),
      h('p', { class: 'muted', id: 'insights-scope', text: scope(u) }),
      h('ul', { class: 'cards' },
        card('card-booked', t('insights.booked'), pct(s.bookedPercent), t('insights.bookedNote')),
        card('card-occupied', t('insights.occupied'), pct(s.occupiedPercent), t('insights.occupiedNote')),
        card('card-noshow-rate', t('insights.noShowRate'), pct(s.noShowPercent), t('insights.noShowRateNote', { count: n(s.noShows) })),
        card('card-walkin-rate', t('insights.walkInRate'), pct(s.walkInPercent), t('insights.walkInRateNote', { count: n(s.walkIns) })),
        card('card-bookings', t('insights.bookings'), n(s.bookings), t('insights.bookingsNote', { checkedIn: n(s.checkedIn) })),
        card('card-open-days', t('insights.openDays'), n(s.openDays), t('insights.openDaysNote'))));
  }

  function heatmapSection(u) {
    const slot = h('div', { class: 'heatmap-slot' });
    const drawHeatmap = () => slot.replaceChildren(heatmap(u.heatmap), heatmapLegend(),
      h('details', { class: 'desk-list', id: 'heatmap-numbers' },
        h('summary', { text: t('insights.heatmapNumbers') }), heatmapTable(u.heatmap)));
    const choice = (value, label) => h('label', { class: 'check' },
      h('input', { type: 'radio', name: 'measure', value, checked: measure === value,
        onchange: () => { measure = value; drawHeatmap(); } }),
      h('span', { text: label }));
    drawHeatmap();
    return h('section', { class: 'panel', 'aria-labelledby': 'heatmap-title' },
      h('h2', { id: 'heatmap-title', text: t('insights.heatmapTitle') }),
      h('fieldset', { class: 'measure' }, h('legend', { text: t('insights.measure') }),
        choice('bookedPercent', t('insights.booked')), choice('occupiedPercent', t('insights.occupied'))),
      slot);
  }

  function heatmap(grid) {
    const left = 104;
    // As wide as the panel allows (a desktop panel is about 1150 px), within what still reads as a grid.
    const cellW = Math.max(48, Math.min(84, Math.floor((1120 - left) / Math.max(grid.hours.length, 1))));
    const cellH = 40;
    const top = 28;
    const width = left + cellW * grid.hours.length;
    const height = top + cellH * 7;
    const values = grid.rows.flatMap((row) => row[measure] || []).filter((v) => v !== null && v !== undefined);
    let busiest = null;
    grid.rows.forEach((row, w) => (row[measure] || []).forEach((v, i) => {
      if (v !== null && v !== undefined && (!busiest || v > busiest.v)) {
        busiest = { v, w, i };
      }
    }));
    const label = values.length
      ? t('insights.heatmapLabel', { measure: t(measure === 'bookedPercent' ? 'insights.booked' : 'insights.occupied'),
        day: weekdayName(WEEKDAYS[busiest.w], 'long'), hour: hourLabel(grid.hours[busiest.i]), value: pct(busiest.v) })
      : t('insights.heatmapEmpty');
    const chart = svg('svg', { class: 'heatmap', id: 'heatmap', viewBox: `0 0 ${width} ${height}`, width, height,
      role: 'img', 'aria-label': label });
    grid.hours.forEach((hour, i) => chart.append(svg('text', { x: left + cellW * i + cellW / 2, y: top - 10,
      class: 'axis', 'text-anchor': 'middle' }, hourLabel(hour))));
    grid.rows.forEach((row, w) => {
      chart.append(svg('text', { x: left - 12, y: top + cellH * w + cellH / 2 + 5, class: 'axis', 'text-anchor': 'end' },
        weekdayName(row.weekday || WEEKDAYS[w], 'short')));
      grid.hours.forEach((hour, i) => {
        const v = row[measure]?.[i];
        const x = left + cellW * i;
        const y = top + cellH * w;
        const closed = v === null || v === undefined;
        const step = closed ? null : stepOf(v);
        const cell = svg('g', { class: 'cell', 'data-weekday': row.weekday, 'data-hour': hour,
          'data-value': closed ? '' : String(v) },
        svg('rect', { x: x + 1, y: y + 1, width: cellW - 2, height: cellH - 2, rx: 3,
          fill: closed ? 'url(#closed)' : step.fill, class: closed ? 'cell-closed' : undefined }),
        svg('text', { x: x + cellW / 2, y: y + cellH / 2 + 5, 'text-anchor': 'middle',
          class: closed ? 'cell-text cell-text-closed' : `cell-text ${step.ink ? 'on-light' : 'on-dark'}` },
        closed ? '–' : formatNumber(v, ctx.language, 0)));
        chart.append(cell);
      });
    });
    chart.prepend(svg('defs', {}, svg('pattern', { id: 'closed', width: 8, height: 8, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)' }, svg('rect', { width: 8, height: 8, fill: '#eef0f2' }),
    svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#c5cbd2', 'stroke-width': 3 }))));
    return h('div', { class: 'chart-scroll' }, chart);
  }

  function heatmapLegend() {
    return h('div', { class: 'scale' },
      h('span', { class: 'scale-title', text: t('insights.scaleTitle') }),
      h('ul', { class: 'scale-steps' }, SCALE.map((step, i) => {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = step.fill;
        const to = SCALE[i + 1]?.from ?? 100;
        return h('li', {}, swatch, h('span', { text: `${step.from}–${to} %` }));
      }),
      h('li', {}, h('span', { class: 'swatch swatch-closed', 'aria-hidden': 'true' }), h('span', { text: t('insights.closed') }))));
  }

  function heatmapTable(grid) {
    return table(t('insights.heatmapCaption', { measure: t(measure === 'bookedPercent' ? 'insights.booked' : 'insights.occupied') }),
      [t('insights.weekday'), ...grid.hours.map(hourLabel)],
      grid.rows.map((row) => [weekdayName(row.weekday, 'long'),
        ...grid.hours.map((hour, i) => pct(row[measure]?.[i], 1))]),
      { rowHeader: true, numeric: grid.hours.map((_, i) => i + 1), class: 'data compact heatmap-table' });
  }

  function daysSection(u) {
    const days = u.days;
    const barW = Math.max(8, Math.min(28, Math.floor(1100 / Math.max(days.length, 1)) - 4));
    const gap = 4;
    const left = 44;
    const chartH = 180;
    const top = 12;
    const width = left + days.length * (barW + gap) + 8;
    const height = top + chartH + 44;
    const y = (v) => top + chartH - (chartH * Math.max(0, Math.min(100, v))) / 100;
    const chart = svg('svg', { class: 'days-chart', id: 'days-chart', viewBox: `0 0 ${width} ${height}`, width, height,
      role: 'img', 'aria-label': t('insights.daysLabel', { days: days.length }) });
    for (const tick of [0, 25, 50, 75, 100]) {
      chart.append(svg('line', { x1: left, x2: width - 4, y1: y(tick), y2: y(tick), class: 'grid' }),
        svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, `${tick}%`));
    }
    days.forEach((day, i) => {
      const x = left + i * (barW + gap) + gap / 2;
      const g = svg('g', { class: 'day', 'data-date': day.date });
      if (!day.open) {
        g.append(svg('rect', { x, y: y(100), width: barW, height: chartH, class: 'day-closed', fill: 'url(#day-closed)' }));
      } else {
        const booked = day.bookedPercent ?? 0;
        g.append(svg('title', {}, `${formatLocalDate(day.date, ctx.language)}: ${t('insights.booked')} ${pct(day.bookedPercent)}, ${
          t('insights.occupied')} ${pct(day.occupiedPercent)}`),
        svg('rect', { x, y: y(booked), width: barW, height: Math.max(0, y(0) - y(booked)), class: 'bar-booked' }));
        if (day.occupiedPercent !== null && day.occupiedPercent !== undefined) {
          g.append(svg('rect', { x: x - 1, y: y(day.occupiedPercent) - 2, width: barW + 2, height: 4, class: 'mark-occupied' }));
        }
      }
      if (day.weekday === 'monday' || i === 0) {
        g.append(svg('text', { x: x + barW / 2, y: top + chartH + 18, 'text-anchor': 'middle', class: 'axis' },
          formatLocalDate(day.date, ctx.language, { day: 'numeric', month: 'short' })));
      }
      chart.append(g);
    });
    chart.prepend(svg('defs', {}, svg('pattern', { id: 'day-closed', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)' }, svg('rect', { width: 6, height: 6, fill: '#f3f5f7' }),
    svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#d5dae0', 'stroke-width': 2 }))));
    const legend = h('ul', { class: 'chart-legend' },
      h('li', {}, h('span', { class: 'key key-booked', 'aria-hidden': 'true' }), h('span', { text: t('insights.bookedBar') })),
      h('li', {}, h('span', { class: 'key key-occupied', 'aria-hidden': 'true' }), h('span', { text: t('insights.occupiedMark') })),
      h('li', {}, h('span', { class: 'key key-closed', 'aria-hidden': 'true' }), h('span', { text: t('insights.closedDay') })));
    return h('section', { class: 'panel', 'aria-labelledby': 'days-title' },
      h('h2', { id: 'days-title', text: t('insights.daysTitle') }),
      h('div', { class: 'chart-scroll' }, chart), legend,
      h('details', { class: 'desk-list', id: 'days-numbers' },
        h('summary', { text: t('insights.daysNumbers') }),
        table(t('insights.daysTitle'), [t('insights.date'), t('insights.booked'), t('insights.occupied'),
          t('insights.bookings'), t('insights.checkedIn'), t('insights.noShows'), t('insights.walkIns')],
        days.map((d) => [formatLocalDate(d.date, ctx.language, { weekday: 'short', day: 'numeric', month: 'short' }),
          d.open ? pct(d.bookedPercent, 1) : t('insights.closed'), d.open ? pct(d.occupiedPercent, 1) : '–',
          n(d.bookings), n(d.checkedIn), n(d.noShows), n(d.walkIns)]),
        { rowHeader: true, numeric: [1, 2, 3, 4, 5, 6], class: 'data compact' })));
  }

  function peakSection(u) {
    return h('section', { class: 'panel', 'aria-labelledby': 'peak-title' },
      h('h2', { id: 'peak-title', text: t('insights.peakTitle') }),
      u.peakDays.length === 0 ? h('p', { class: 'muted', text: t('insights.none') })
        : table(t('insights.peakTitle'), [t('insights.date'), t('insights.booked'), t('insights.occupied'), t('insights.bookings')],
          u.peakDays.map((d) => [formatLocalDate(d.date, ctx.language, { weekday: 'long', day: 'numeric', month: 'long' }),
            pct(d.bookedPercent, 1), pct(d.occupiedPercent, 1), n(d.bookings)]),
          { rowHeader: true, numeric: [1, 2, 3], captionHidden: true, class: 'data peak-days' }));
  }

  function ratesSection(u) {
    const s = u.summary;
    const row = (label, value, detail) => h('div', { class: 'rate' },
      h('dt', { text: label }), h('dd', {}, h('strong', { text: pct(value, 1) }), h('span', { class: 'muted', text: ` ${detail}` })));
    return h('section', { class: 'panel', 'aria-labelledby': 'rates-title' },
      h('h2', { id: 'rates-title', text: t('insights.ratesTitle') }),
      h('dl', { class: 'rates' },
        row(t('insights.noShowRate'), s.noShowPercent, t('insights.noShowRateDetail', { noShows: n(s.noShows), checkedIn: n(s.checkedIn) })),
        row(t('insights.walkInRate'), s.walkInPercent, t('insights.walkInRateDetail', { walkIns: n(s.walkIns), checkedIn: n(s.checkedIn) })),
        row(t('insights.booked'), s.bookedPercent, t('insights.bookedDetail', { hours: n(Math.round(s.resourceHours)) })),
        row(t('insights.occupied'), s.occupiedPercent, t('insights.occupiedDetail'))));
  }

  function zonesSection(u) {
    const floorName = (id) => site.floors.find((f) => f.id === id)?.name || '–';
    return h('section', { class: 'panel', 'aria-labelledby': 'zones-title' },
      h('h2', { id: 'zones-title', text: t('insights.zonesTitle') }),
      u.zones.length === 0 ? h('p', { class: 'muted', text: t('insights.none') })
        : table(t('insights.zonesTitle'), [t('live.zone'), t('live.floor'), t('insights.resources'), t('insights.booked'),
          t('insights.occupied'), t('insights.bookings'), t('insights.noShows'), t('insights.noShowRate'), t('insights.walkIns')],
        u.zones.map((z) => [z.name || t('insights.noZone'), z.floorId ? floorName(z.floorId) : '–', n(z.resources),
          share(z.bookedPercent), share(z.occupiedPercent), n(z.bookings), n(z.noShows), pct(z.noShowPercent, 1), n(z.walkIns)]),
        { rowHeader: true, numeric: [2, 5, 6, 7, 8], captionHidden: true, class: 'data zones' }));
  }

  /** A percentage with a small bar, so a column of them reads at a glance. */
  function share(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    const fill = h('span', { class: 'share-fill' });
    fill.style.width = `${Math.max(0, Math.min(100, value))}%`;
    return h('span', { class: 'share' }, h('span', { class: 'share-bar', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'share-text', text: pct(value, 1) }));
  }

  function vehiclesSection(v) {
    return h('section', { class: 'panel', 'aria-labelledby': 'vehicle-use-title' },
      h('h2', { id: 'vehicle-use-title', text: t('insights.vehiclesTitle') }),
      !v.vehicles.length ? h('p', { class: 'muted', text: t('insights.noVehicles') })
        : table(t('insights.vehiclesTitle'), [t('live.vehicle'), t('live.type'), t('insights.bookings'), t('insights.trips'),
          t('insights.hoursBooked'), t('insights.booked'), t('insights.inUse'), t('insights.noShows')],
        v.vehicles.map((x) => [x.name, t(`type.${x.type}`), n(x.bookings), n(x.trips),
          formatNumber(x.hoursBooked ?? 0, ctx.language, 1), share(x.bookedPercent), share(x.inUsePercent), n(x.noShows)]),
        { rowHeader: true, numeric: [2, 3, 4, 7], captionHidden: true, class: 'data vehicle-use' }));
  }

  function exportSection() {
    const status = h('span', { class: 'form-message', role: 'status', id: 'export-status' });
    const csvParams = new URLSearchParams({ siteId: query.siteId, from: query.from, to: query.to, type: query.type });
    const download = h('button', { type: 'button', class: 'button', id: 'export-csv' }, icon('download'),
      h('span', { text: t('insights.exportCsv') }));
    download.addEventListener('click', async () => {
      status.replaceChildren();
      download.disabled = true;
      try {
        const response = await api(`/api/v1/insights/export.csv?${csvParams}`, { raw: true, headers: { Accept: 'text/csv' } });
        if (!response.ok) {
          throw Object.assign(new Error(), { status: response.status, problem: await response.json().catch(() => ({})) });
        }
        const disposition = response.headers.get('Content-Disposition') || '';
        const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || `flexplek-${query.siteId}-${query.from}-${query.to}.csv`;
        saveBlob(await response.blob(), name);
        status.replaceChildren(icon('done'), h('span', { text: t('insights.exported', { name }) }));
      } catch (error) {
        status.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
      } finally {
        download.disabled = false;
      }
    });
    // The server leaves out today and later days itself: open data holds complete days only.
    const openData = `/api/v1/open-data/occupancy.csv?${new URLSearchParams({ from: query.from, to: query.to })}`;
    return h('section', { class: 'panel', 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title', text: t('insights.exportTitle') }),
      h('div', { class: 'exports' },
        h('div', {},
          h('p', { text: t('insights.exportText') }),
          h('div', { class: 'form-actions' }, download, status)),
        h('div', {},
          h('p', { text: t('insights.openDataText') }),
          h('p', {}, h('a', { href: openData, id: 'open-data-link' }, icon('link'),
            h('span', { text: t('insights.openData') }))))));
  }

  function weekdayName(weekday, style) {
    // 1 January 2024 was a Monday.
    const index = WEEKDAYS.indexOf(weekday);
    return new Intl.DateTimeFormat(locale(ctx.language), { weekday: style, timeZone: 'UTC' })
      .format(new Date(Date.UTC(2024, 0, 1 + Math.max(index, 0))));
  }

  function hourLabel(hour) {
    return `${String(hour).padStart(2, '0')}:00`;
  }

  start();
  return () => {
    stopped = true;
  };
}

function stepOf(value) {
  let chosen = SCALE[0];
  for (const step of SCALE) {
    if (value >= step.from) {
      chosen = step;
    }
  }
  return chosen;
}

function validDate(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text || '') && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? text : null;
}

function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
