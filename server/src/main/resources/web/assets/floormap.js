// The one floor map of the staff app, the dashboard and the kiosk, with the live states' icons and words.
// A live state (the server's ResourceState codes) is told by a shape and glyph of its own and by its word
// (the catalogues' state.* keys), never by colour alone. A map is an SVG drawn from the desks' positions (metres from the
// floor's origin): the floor, the zones with their names, and one mark per desk; a live event changes one mark.

import { h, svg } from './dom.js';

/** The live states a desk can be in, as the server names them. */
export const DESK_STATES = ['free', 'booked', 'in-use', 'walk-in', 'offline', 'out-of-service'];
/** Every live state, vehicles' 'away' included. */
export const STATES = [...DESK_STATES, 'away'];

const WHITE = '#fff';
const line = (d, width, extra = {}) => ['path', { d, fill: 'none', stroke: WHITE, 'stroke-width': width,
  'stroke-linecap': 'round', 'stroke-linejoin': 'round', ...extra }];

// Each state has its own outline (circle, rounded square, square, diamond, octagon, arrow) and a white glyph.
const DRAWINGS = {
  free: [['circle', { cx: 12, cy: 12, r: 11, fill: 'currentColor' }], line('M6.5 12.5l3.5 3.5 7.5-8', 2.8)],
  booked: [['rect', { x: 1, y: 1, width: 22, height: 22, rx: 5, fill: 'currentColor' }],
    ['circle', { cx: 12, cy: 12, r: 6.8, fill: 'none', stroke: WHITE, 'stroke-width': 2 }],
    line('M12 8.3V12l2.6 2.1', 2)],
  'in-use': [['rect', { x: 1, y: 1, width: 22, height: 22, rx: 2, fill: 'currentColor' }],
    ['circle', { cx: 12, cy: 8, r: 3.4, fill: WHITE }],
    ['path', { d: 'M5.5 19.5c0-3.9 2.9-6.1 6.5-6.1s6.5 2.2 6.5 6.1z', fill: WHITE }]],
  'walk-in': [['path', { d: 'M12 .5L23.5 12 12 23.5 .5 12z', fill: 'currentColor' }],
    ['circle', { cx: 12, cy: 8.8, r: 2.5, fill: WHITE }],
    ['path', { d: 'M7.6 16.8c0-2.8 2-4.4 4.4-4.4s4.4 1.6 4.4 4.4z', fill: WHITE }]],
  offline: [['circle', { cx: 12, cy: 12, r: 10.2, fill: WHITE, stroke: 'currentColor', 'stroke-width': 2.6,
    'stroke-dasharray': '4 2.6' }],
  ['path', { d: 'M9.2 9.4a2.9 2.9 0 1 1 4.3 2.5c-1 .6-1.5 1.1-1.5 2.1v.5', fill: 'none', stroke: 'currentColor',
    'stroke-width': 2.3, 'stroke-linecap': 'round' }],
  ['circle', { cx: 12, cy: 17.6, r: 1.5, fill: 'currentColor' }]],
  'out-of-service': [['path', { d: 'M7 1h10l6 6v10l-6 6H7l-6-6V7z', fill: 'currentColor' }],
    ['rect', { x: 5.5, y: 10.3, width: 13, height: 3.4, rx: 1, fill: WHITE }]],
  away: [['path', { d: 'M1 4h14.5l7.5 8-7.5 8H1z', fill: 'currentColor' }], line('M6.5 8l4 4-4 4', 2.6)],
};

/** The state symbols (#s-free, #s-booked, ...) once per page, for icons and map marks to refer to. */
export function ensureStateSymbols(doc = document) {
  if (doc.getElementById('s-free')) {
    return;
  }
  const symbols = STATES.map((state) => svg('symbol', { id: `s-${state}`, viewBox: '0 0 24 24' },
    DRAWINGS[state].map(([tag, attributes]) => svg(tag, attributes))));
  doc.body.prepend(svg('svg', { class: 'icon-defs', 'aria-hidden': 'true', focusable: 'false' },
    svg('defs', {}, symbols)));
}

/** A state's icon (decorative: its word is next to it): <svg class="state-icon st-free"><use href="#s-free"/></svg>. */
export function stateIcon(state, className = 'state-icon') {
  ensureStateSymbols();
  return svg('svg', { class: `${className} st-${state}`, 'aria-hidden': 'true', focusable: 'false' },
    svg('use', { href: `#s-${state}` }));
}

/** Shows another state in an icon made by stateIcon. */
export function setStateIcon(icon, state, className = 'state-icon') {
  icon.setAttribute('class', `${className} st-${state}`);
  icon.firstChild.setAttribute('href', `#s-${state}`);
}

/** A state's word in the page's language. */
export function stateWord(state, t) {
  return t(`state.${state}`);
}

/** A state told by icon and word, coloured by class: <span class="state st-free">(icon) Free</span>. */
export function stateBadge(state, t, attributes = {}) {
  return h('span', { ...attributes, class: `state st-${state}` }, stateIcon(state), h('span', { text: stateWord(state, t) }));
}

/**
 * One floor as SVG. Options:
 *  floor {id, name, zones}; desks [{id, name, x, y, zoneId, state}] (desks without x and y are counted as unplaced);
 *  label (the map's accessible name), role ('group' when desks can be chosen, else 'img');
 *  size: the mark's width in metres, or 'auto' (a little less than the closest two desks are apart);
 *  pad (around the desks), minWidth and minHeight, extraTop (above, for zone names), zoneMargin {top, right,
 *  bottom, left} (around a zone's desks): metres, or a function of the mark's size in metres;
 *  frame: the class of a rectangle behind everything (the floor), or null;
 *  zones: 'above' (names over the outline, with a count) or 'inside' (names in the outline's top), or null;
 *  zoneClass(zone): the outline's class; mark(desk, size): the desk mark's content (default: the state symbol);
 *  deskAttributes(desk): the mark group's attributes (class, data-*, role, aria-label); title(desk): its tooltip;
 *  onChoose(desk): makes the desks for which choosable(desk) is true (default: all) buttons (click, Enter, Space);
 *  their role and tabindex come with deskAttributes.
 */
export class FloorMap {
  constructor(options) {
    this.options = { size: 'auto', pad: 1, minWidth: 0, minHeight: 0, extraTop: 0, zoneMargin: {}, frame: null, zones: null,
      zoneClass: () => 'zone', mark: stateMark, choosable: () => true, deskAttributes: () => ({}), title: null, ...options };
    const { floor, desks } = this.options;
    this.floor = floor;
    this.marks = new Map();
    this.zoneCounts = new Map();
    const placed = desks.filter((d) => Number.isFinite(d.x) && Number.isFinite(d.y));
    this.unplaced = desks.length - placed.length;
    this.element = placed.length ? this.draw(placed) : null;
  }

  draw(placed) {
    const o = this.options;
    const size = o.size === 'auto' ? autoSize(placed) : o.size;
    this.size = size;
    // Lengths may be given in metres or as a function of the mark's size, so a map scales with its desks.
    const length = (value) => (typeof value === 'function' ? value(size) : value);
    this.length = length;
    const pad = length(o.pad);
    const xs = placed.map((d) => d.x);
    const ys = placed.map((d) => d.y);
    const minX = Math.min(...xs) - pad;
    const maxX = Math.max(...xs) + pad;
    const minY = Math.min(...ys) - pad - length(o.extraTop);
    const maxY = Math.max(...ys) + pad;
    const width = Math.max(maxX - minX, length(o.minWidth));
    const height = Math.max(maxY - minY, length(o.minHeight));
    const x0 = minX - (width - (maxX - minX)) / 2;
    const y0 = minY - (height - (maxY - minY)) / 2;
    this.box = { x: x0, y: y0, width, height };
    const map = svg('svg', { ...o.svgAttributes, viewBox: `${fmt(x0)} ${fmt(y0)} ${fmt(width)} ${fmt(height)}`,
      role: o.role || 'img', 'aria-label': o.label, focusable: o.role === 'group' && !o.onChoose ? 'false' : null });
    if (o.frame) {
      map.append(svg('rect', { x: fmt(x0), y: fmt(y0), width: fmt(width), height: fmt(height), class: o.frame,
        rx: o.frameRadius }));
    }
    if (o.zones) {
      map.append(this.drawZones(placed, size));
    }
    for (const desk of placed) {
      map.append(this.drawDesk(desk, size));
    }
    return map;
  }

  drawZones(placed, size) {
    const o = this.options;
    const margin = { top: 0, right: 0, bottom: 0, left: 0, ...this.length(o.zoneMargin) };
    const group = svg('g', { 'aria-hidden': 'true' }); // the zone list or the desks' labels say the same in text
    for (const zone of this.floor.zones || []) {
      const inZone = placed.filter((d) => d.zoneId === zone.id);
      if (!inZone.length) {
        continue;
      }
      const x = Math.min(...inZone.map((d) => d.x)) - margin.left;
      const y = Math.min(...inZone.map((d) => d.y)) - margin.top;
      const width = Math.max(Math.max(...inZone.map((d) => d.x)) + margin.right - x,
        o.zones === 'inside' ? zone.name.length * 0.42 + 0.8 : 0);
      const height = Math.max(...inZone.map((d) => d.y)) + margin.bottom - y;
      group.append(svg('rect', { class: o.zoneClass(zone), x: fmt(x), y: fmt(y), width: fmt(width), height: fmt(height),
        rx: fmt(o.zoneRadius ?? size * 0.25) }));
      if (o.zones === 'inside') {
        group.append(svg('text', { x: fmt(x + 0.3), y: fmt(y + 0.78), class: 'zone-label' }, zone.name));
      } else {
        const label = size * 0.62;
        const count = svg('tspan', { class: 'zone-free' });
        this.zoneCounts.set(zone.id, count);
        group.append(svg('text', { class: 'zone-name', x: fmt(x + size * 0.15), y: fmt(y - label * 0.3),
          'font-size': fmt(label) }, zone.name, count));
      }
    }
    return group;
  }

  drawDesk(desk, size) {
    const o = this.options;
    const group = svg('g', { transform: `translate(${fmt(desk.x)} ${fmt(desk.y)})` });
    this.marks.set(desk.id, group);
    this.paint(group, desk, size);
    if (o.onChoose && o.choosable(desk)) {
      group.addEventListener('click', () => o.onChoose(desk));
      group.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          o.onChoose(desk);
        }
      });
    }
    return group;
  }

  paint(group, desk, size) {
    const o = this.options;
    for (const [name, value] of Object.entries(o.deskAttributes(desk))) {
      if (value === null || value === undefined || value === false) {
        group.removeAttribute(name);
      } else {
        group.setAttribute(name, String(value));
      }
    }
    group.replaceChildren(...[o.title ? svg('title', {}, o.title(desk)) : null, ...[o.mark(desk, size)].flat()]
      .filter(Boolean));
  }

  /** Shows a desk's new state (or label); nothing else on the map changes. */
  update(desk) {
    const group = this.marks.get(desk.id);
    if (group) {
      this.paint(group, desk, this.size);
    }
  }

  /** Writes a zone's text next to its name (zones 'above'). */
  setZoneText(zoneId, text) {
    const tspan = this.zoneCounts.get(zoneId);
    if (tspan && tspan.textContent !== text) {
      tspan.textContent = text;
    }
  }

  setLabel(label) {
    this.element?.setAttribute('aria-label', label);
  }
}

/** The default desk mark: its state's symbol, size metres wide, centred on the desk. */
export function stateMark(desk, size) {
  ensureStateSymbols();
  return svg('use', { href: `#s-${desk.state || 'offline'}`, x: fmt(-size / 2), y: fmt(-size / 2), width: fmt(size),
    height: fmt(size) });
}

/** A mark a little smaller than the closest two desks are apart, so neighbours never overlap. */
function autoSize(desks) {
  let closest = Infinity;
  for (let i = 0; i < desks.length; i++) {
    for (let j = i + 1; j < desks.length; j++) {
      const distance = Math.hypot(desks[i].x - desks[j].x, desks[i].y - desks[j].y);
      if (distance > 0 && distance < closest) {
        closest = distance;
      }
    }
  }
  return Number.isFinite(closest) ? Math.min(Math.max(closest * 0.72, 0.5), 3) : 1.6;
}

function fmt(number) {
  return typeof number === 'number' ? String(Math.round(number * 1000) / 1000) : number;
}
