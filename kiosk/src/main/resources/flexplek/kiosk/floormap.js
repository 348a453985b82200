// A floor's map as SVG, drawn from the desks' positions (metres from the floor's origin). Each desk is its state's
// symbol (shape and glyph, see index.html) with a text label for assistive technology; zones are outlined and named.
// Built once per floor; a live event changes one desk's symbol and nothing else.

const SVG = 'http://www.w3.org/2000/svg';

/** Desks fewer than this many icon widths across still get a map this wide, so two desks do not fill the screen. */
const MIN_WIDTH_IN_ICONS = 16;
const MIN_HEIGHT_IN_ICONS = 6;

export class FloorMap {
  /** floor: {id, name, zones}; desks: this floor's desks. */
  constructor(floor, desks, t) {
    this.floor = floor;
    this.t = t;
    this.desks = new Map();
    this.zoneCounts = new Map();
    this.element = document.createElement('div');
    this.element.className = 'map';
    this.element.dataset.floor = floor.id;

    const placed = desks.filter((desk) => Number.isFinite(desk.x) && Number.isFinite(desk.y));
    this.unplaced = desks.length - placed.length;
    if (placed.length === 0) {
      this.svg = null;
      return;
    }
    const size = iconSize(placed);
    this.size = size;
    const zoneBoxes = zoneOutlines(floor.zones, placed, size);
    const label = size * 0.62;
    const minX = Math.min(...placed.map((d) => d.x)) - size;
    const maxX = Math.max(...placed.map((d) => d.x)) + size;
    const minY = Math.min(...placed.map((d) => d.y)) - size - (zoneBoxes.length ? label * 1.4 : 0);
    const maxY = Math.max(...placed.map((d) => d.y)) + size;
    const width = Math.max(maxX - minX, size * MIN_WIDTH_IN_ICONS);
    const height = Math.max(maxY - minY, size * MIN_HEIGHT_IN_ICONS);
    const x0 = minX - (width - (maxX - minX)) / 2;
    const y0 = minY - (height - (maxY - minY)) / 2;

    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `${fmt(x0)} ${fmt(y0)} ${fmt(width)} ${fmt(height)}`);
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.setAttribute('role', 'group');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('aria-label', t('map.title', { floor: floor.name }));

    const zones = document.createElementNS(SVG, 'g');
    zones.setAttribute('aria-hidden', 'true'); // the zone list next to the map says the same in text
    for (const box of zoneBoxes) {
      const rect = document.createElementNS(SVG, 'rect');
      attributes(rect, { class: 'zone', x: box.x, y: box.y, width: box.width, height: box.height, rx: size * 0.25 });
      const name = document.createElementNS(SVG, 'text');
      attributes(name, { class: 'zone-name', x: box.x + size * 0.15, y: box.y - label * 0.3, 'font-size': label });
      name.textContent = box.zone.name;
      const count = document.createElementNS(SVG, 'tspan');
      count.setAttribute('class', 'zone-free');
      name.append(count);
      this.zoneCounts.set(box.zone.id, count);
      zones.append(rect, name);
    }
    svg.append(zones);

    for (const desk of placed) {
      const group = document.createElementNS(SVG, 'g');
      group.setAttribute('role', 'img');
      group.dataset.id = desk.id;
      const use = document.createElementNS(SVG, 'use');
      attributes(use, { x: desk.x - size / 2, y: desk.y - size / 2, width: size, height: size });
      group.append(use);
      svg.append(group);
      this.desks.set(desk.id, { group, use });
      this.update(desk);
    }
    this.svg = svg;
    this.element.append(svg);
  }

  /** Shows a desk's new state; nothing else on the map changes. */
  update(desk) {
    const drawn = this.desks.get(desk.id);
    if (!drawn) {
      return;
    }
    const state = desk.state || 'offline';
    if (drawn.group.dataset.state !== state) {
      drawn.use.setAttribute('href', `#s-${state}`);
      drawn.group.setAttribute('class', `desk st-${state}`);
      drawn.group.dataset.state = state;
    }
    drawn.group.setAttribute('aria-label', this.t('desk.label', { name: desk.name, state: this.t(`state.${state}`) }));
  }

  /** Writes each zone's count next to its name: [{zone, free, total}]. */
  updateZones(counts) {
    for (const count of counts) {
      const text = this.zoneCounts.get(count.zone.id);
      const value = ` · ${this.t('zone.free', count)}`;
      if (text && text.textContent !== value) {
        text.textContent = value;
      }
    }
  }

  relabel(t, desks) {
    this.t = t;
    this.svg?.setAttribute('aria-label', t('map.title', { floor: this.floor.name }));
    desks.forEach((desk) => this.update(desk));
  }
}

/** An icon a little smaller than the closest two desks are apart, so neighbours never overlap. */
function iconSize(desks) {
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

function zoneOutlines(zones, desks, size) {
  return (zones || []).map((zone) => {
    const inZone = desks.filter((desk) => desk.zoneId === zone.id);
    if (inZone.length === 0) {
      return null;
    }
    const margin = size * 0.7;
    const x = Math.min(...inZone.map((d) => d.x)) - margin;
    const y = Math.min(...inZone.map((d) => d.y)) - margin;
    return {
      zone,
      x,
      y,
      width: Math.max(...inZone.map((d) => d.x)) + margin - x,
      height: Math.max(...inZone.map((d) => d.y)) + margin - y,
    };
  }).filter(Boolean);
}

function attributes(element, values) {
  for (const [name, value] of Object.entries(values)) {
    element.setAttribute(name, typeof value === 'number' ? fmt(value) : value);
  }
}

function fmt(number) {
  return String(Math.round(number * 1000) / 1000);
}
