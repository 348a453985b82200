// Small DOM helpers shared by the dashboard's views: building elements without innerHTML (so names from the estate
// can never become markup), state icons drawn as SVG (a state is told by icon and text, never by colour alone),
// number formatting, and the site picker every view starts with.

import { serverNow } from '/assets/clock.js';
import { h, svg } from '/assets/dom.js';
import { locale } from '/assets/i18n.js';

// 16×16 line drawings for the dashboard's actions and messages. The live states' symbols are the kit's
// (/assets/floormap.js), the same on every page.
const ICONS = {
  done: 'M3 8.5l3.2 3.2L13 4.8',
  disconnected: 'M2 6a9 9 0 0 1 12 0M4.3 8.6a5.5 5.5 0 0 1 7.4 0M7 11.3a1.6 1.6 0 0 1 2 0M2.5 2.5l11 11',
  stopped: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11M4.5 8h7',
  warning: 'M8 2L1.8 13.5h12.4L8 2M8 6.5v3.2M8 11.4v.2',
  battery: 'M2 5h10v6H2zM12 7h1.5v2H12M4 7v2',
  plug: 'M5.5 2v3M10.5 2v3M4 5h8v2.5a4 4 0 0 1-8 0zM8 11.5V14',
  unassigned: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11M6.3 6.3a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.6-.7 1.1v.4M8 11.2v.2',
  copy: 'M5.5 5.5h7v8h-7zM3.5 10.5v-8h7',
  download: 'M8 2.5v8M4.8 7.5L8 10.7l3.2-3.2M3 13.5h10',
  link: 'M6.8 9.2l2.4-2.4M5.6 7.6L4 9.2a2.3 2.3 0 0 0 3.2 3.2l1.6-1.6M10.4 8.4L12 6.8a2.3 2.3 0 0 0-3.2-3.2L7.2 5.2',
};

/** An icon (decorative: the text next to it says the same). */
export function icon(name, className = 'icon') {
  return svg('svg', { class: className, viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true',
    focusable: 'false' }, svg('path', { d: ICONS[name] || ICONS.warning }));
}

/** A live state told by its symbol and word, as on every page. */
export { stateBadge } from '/assets/floormap.js';

export { locale };

export function formatNumber(value, language, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits, minimumFractionDigits: digits })
    .format(value);
}

/** A share (0..1) as a percentage in the user's locale: 0.256 → "25,6 %". */
export function formatPercent(share, language, digits = 0) {
  if (share === null || share === undefined || Number.isNaN(share)) {
    return '–';
  }
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: digits,
    minimumFractionDigits: digits }).format(share);
}

/** A local date (YYYY-MM-DD) in words, read as a calendar date whatever the browser's time zone. */
export function formatLocalDate(date, language, style = { weekday: 'short', day: 'numeric', month: 'short' }) {
  return new Intl.DateTimeFormat(locale(language), { ...style, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Today's date (YYYY-MM-DD) in a time zone, by the server's clock unless an instant is given. */
export function localToday(timeZone, now = new Date(serverNow())) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Adds days to a local date (YYYY-MM-DD). */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant at which a local date begins in a time zone (DST-safe to the minute). */
export function startOfLocalDay(date, timeZone) {
  const guess = new Date(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(guess);
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (asIfUtc - guess.getTime()));
}

/** A site picker (label + select) that calls onChange(siteId); returns the wrapper. */
export function sitePicker(sites, selected, onChange, t, id = 'site') {
  const select = h('select', { id, onchange: (e) => onChange(e.target.value) },
    sites.map((site) => h('option', { value: site.id, text: site.name, selected: site.id === selected })));
  return h('div', { class: 'field field-inline' }, h('label', { for: id, text: t('site.label') }), select);
}

/** A table with a caption, header row and body rows (arrays of cells: strings or nodes). */
export function table(caption, headers, rows, options = {}) {
  const head = h('thead', {}, h('tr', {}, headers.map((header, i) => h('th', {
    scope: 'col', class: options.numeric?.includes(i) ? 'num' : undefined,
  }, header))));
  const body = h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => {
    const isHeader = options.rowHeader && i === 0;
    return h(isHeader ? 'th' : 'td', {
      scope: isHeader ? 'row' : undefined,
      class: options.numeric?.includes(i) ? 'num' : undefined,
    }, cell);
  }))));
  return h('table', { class: options.class || 'data' },
    caption ? h('caption', { class: options.captionHidden ? 'visually-hidden' : undefined }, caption) : null,
    head, body);
}

/** Offers a blob (a CSV, an SVG) as a download under the given file name. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
