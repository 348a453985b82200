// Puts the board on the screen. Every element is made once and then only changed where its text or state differs,
// so a live event touches one desk, room or vehicle and the counts, and nothing flickers.

import { h, setText, svg } from '/assets/dom.js';
import { formatTime } from '/assets/i18n.js';
import { KioskFloor } from './floormap.js';
import { setStateIcon, stateIcon } from '/assets/floormap.js';
import { Pager } from './pager.js';

const LOCALES = { nl: 'nl-NL', de: 'de-DE', en: 'en-GB' };
const MAP_STATES = ['free', 'booked', 'in-use', 'walk-in', 'offline', 'out-of-service'];
const BUSY = ['booked', 'in-use', 'walk-in'];

export class View {
  constructor(t) {
    this.t = t;
    this.board = null;
    this.maps = new Map();
    this.floorIndex = 0;
    this.rooms = new Map();
    this.vehicles = new Map();
    this.$ = (id) => document.getElementById(id);
    this.roomPager = new Pager(this.$('room-list'), this.$('room-pages'));
    this.vehiclePager = new Pager(this.$('vehicle-list'), this.$('vehicle-pages'));
    const describe = (page, pages) => this.t('page.of', { page, pages });
    this.roomPager.describe = describe;
    this.vehiclePager.describe = describe;
  }

  /** Draws a whole snapshot: maps and rows are built anew, since the estate may have changed. */
  load(board, qrSource) {
    this.board = board;
    this.buildMaps();
    this.buildRows(this.$('room-list'), this.rooms, [...board.rooms.values()], roomRow);
    this.buildRows(this.$('vehicle-list'), this.vehicles, [...board.vehicles.values()], vehicleRow);
    const qr = this.$('qr');
    if (qrSource && qr.getAttribute('src') !== qrSource) {
      qr.src = qrSource;
    }
    this.renderAll();
  }

  /** Everything again, in place: after a snapshot or in another language. */
  renderAll() {
    if (!this.board) {
      return;
    }
    const { t, board } = this;
    setText(this.$('site-name'), board.site.name);
    document.title = `${board.site.name} – Flexplek`;
    renderUrl(this.$('short-url'), shortUrl(board.links.booking));
    this.$('qr').alt = t('book.qr');
    this.renderLegend();
    const floors = board.deskFloors();
    floors.forEach((floor) => this.maps.get(floor.id)?.relabel(t, board.floorDesks(floor.id)));
    this.renderDeskCounts();
    for (const room of board.rooms.values()) {
      this.renderRoom(room);
    }
    for (const vehicle of board.vehicles.values()) {
      this.renderVehicle(vehicle);
    }
    this.renderRoomSummary();
    this.renderEmpty();
    this.roomPager.layout();
    this.vehiclePager.layout();
  }

  setLanguage(t) {
    this.t = t;
    this.renderAll();
  }

  /** One live change. */
  apply(kind, resource) {
    if (kind === 'desk') {
      this.maps.get(resource.floorId)?.update(resource);
      this.renderDeskCounts();
    } else if (kind === 'room') {
      this.renderRoom(resource);
      this.renderRoomSummary();
      this.roomPager.layout();
    } else if (kind === 'vehicle') {
      this.renderVehicle(resource);
      this.vehiclePager.layout();
    }
  }

  /** The next floor on the map and the next part of long lists; called every quarter minute. */
  cycle() {
    const floors = this.board ? this.board.deskFloors() : [];
    if (floors.length > 1) {
      this.showFloor((this.floorIndex + 1) % floors.length);
    }
    this.roomPager.next();
    this.vehiclePager.next();
  }

  // --- desks ---

  buildMaps() {
    const container = this.$('maps');
    container.replaceChildren();
    this.maps.clear();
    const floors = this.board.deskFloors();
    for (const floor of floors) {
      const map = new KioskFloor(floor, this.board.floorDesks(floor.id), this.t);
      this.maps.set(floor.id, map);
      container.append(map.element);
    }
    // The floor with the most desks comes first: it is the one most people are looking for.
    let largest = 0;
    floors.forEach((floor, i) => {
      if (floor.deskIds.length > floors[largest].deskIds.length) {
        largest = i;
      }
    });
    this.floorIndex = Math.min(this.floorIndex, Math.max(floors.length - 1, 0));
    this.showFloor(this.shownFloorId && floors.some((f) => f.id === this.shownFloorId)
      ? floors.findIndex((f) => f.id === this.shownFloorId) : largest);
  }

  showFloor(index) {
    const floors = this.board.deskFloors();
    this.floorIndex = index;
    this.shownFloorId = floors[index]?.id;
    for (const [id, map] of this.maps) {
      map.element.hidden = id !== this.shownFloorId;
    }
    this.renderDeskCounts();
  }

  renderDeskCounts() {
    const { t, board } = this;
    const all = board.deskCount();
    setText(this.$('desks-free'), String(all.free));
    setText(this.$('desks-of'), t('desks.ofTotal', { total: all.total }));

    const floors = board.deskFloors();
    const list = this.$('floor-counts');
    syncChildren(list, floors.map((f) => f.id), () => {
      return h('li', { class: 'floor-count' }, h('span', { class: 'marker', 'aria-hidden': 'true' }, '▶'),
        h('span', { class: 'floor-name' }), ' ', h('span', { class: 'floor-free figure' }),
        h('span', { class: 'visually-hidden floor-note' }));
    });
    floors.forEach((floor, i) => {
      const li = list.children[i];
      const count = board.floorCount(floor.id);
      const current = floor.id === this.shownFloorId && floors.length > 1;
      li.classList.toggle('current', current);
      if (current) {
        li.setAttribute('aria-current', 'true');
      } else {
        li.removeAttribute('aria-current');
      }
      setText(li.querySelector('.floor-name'), floor.name);
      setText(li.querySelector('.floor-free'), t('desks.floorFree', count));
      setText(li.querySelector('.floor-note'), current ? `, ${t('floor.current')}` : '');
    });

    const shown = floors.find((f) => f.id === this.shownFloorId);
    setText(this.$('map-title'), shown ? t('map.title', { floor: shown.name }) : t('desks.none'));
    setText(this.$('map-position'), shown && floors.length > 1
      ? `(${t('map.position', { n: this.floorIndex + 1, count: floors.length })})` : '');
    const unplaced = shown ? this.maps.get(shown.id)?.unplaced || 0 : 0;
    setText(this.$('map-unplaced'), unplaced > 0 ? t('map.unplaced', { count: unplaced }) : '');

    const zones = shown ? board.zoneCounts(shown.id) : [];
    const zoneList = this.$('zone-counts');
    syncChildren(zoneList, zones.map((z) => z.zone.id), () => {
      return h('li', {}, h('span', { class: 'zone-name' }), ' ', h('span', { class: 'zone-free figure' }));
    });
    zones.forEach((count, i) => {
      const li = zoneList.children[i];
      setText(li.querySelector('.zone-name'), count.zone.name);
      setText(li.querySelector('.zone-free'), t('zone.free', count));
    });
    if (shown) {
      this.maps.get(shown.id)?.updateZones(zones);
    }
  }

  renderLegend() {
    const legend = this.$('legend');
    syncChildren(legend, MAP_STATES, (state) => {
      return h('li', {}, stateIcon(state), h('span'));
    });
    MAP_STATES.forEach((state, i) => setText(legend.children[i].lastChild, this.t(`state.${state}`)));
  }

  // --- rooms and vehicles ---

  buildRows(list, rows, resources, make) {
    rows.clear();
    list.replaceChildren(...resources.map((resource) => {
      const row = make();
      row.dataset.id = resource.id;
      rows.set(resource.id, row);
      return row;
    }));
  }

  renderRoom(room) {
    const row = this.rooms.get(room.id);
    if (!row) {
      return;
    }
    const { t } = this;
    setState(row, room.state);
    setText(row.querySelector('.name'), room.name);
    setText(row.querySelector('.capacity-text'), room.capacity ? String(room.capacity) : '');
    setText(row.querySelector('.capacity-word'), ` ${t('room.capacity')}`);
    row.querySelector('.capacity').hidden = !room.capacity;
    let status;
    if (room.state === 'free') {
      status = room.freeUntil ? t('room.freeUntil', { time: this.time(room.freeUntil) }) : t('room.free');
    } else if (BUSY.includes(room.state)) {
      status = room.busyUntil ? t('room.busyUntil', { time: this.time(room.busyUntil) }) : t('room.busy');
    } else {
      status = t(`state.${room.state}`);
    }
    // The icon tells booked from in use; the words say it too, for those who cannot see the icon.
    setText(row.querySelector('.state-word'), BUSY.includes(room.state) ? `${t(`state.${room.state}`)}: ` : '');
    setText(row.querySelector('.status-text'), status);
    const next = (room.next || []).map((slot) => `${this.time(slot.start)}–${this.time(slot.end)}`);
    renderSlots(row.querySelector('.item-next'), t('room.next'), next);
  }

  renderRoomSummary() {
    const count = this.board.roomCount();
    setText(this.$('rooms-summary'), count.total ? this.t('rooms.summary', count) : this.t('rooms.none'));
  }

  renderVehicle(vehicle) {
    const row = this.vehicles.get(vehicle.id);
    if (!row) {
      return;
    }
    const { t } = this;
    setState(row, vehicle.state);
    const type = row.querySelector('.type-icon use');
    const typeHref = vehicle.type === 'ecar' ? '#i-ecar' : '#i-ebike';
    if (type.getAttribute('href') !== typeHref) {
      type.setAttribute('href', typeHref);
    }
    setText(row.querySelector('.name'), vehicle.name);
    setText(row.querySelector('.type-name'), t(`vehicle.${vehicle.type === 'ecar' ? 'ecar' : 'ebike'}`));
    setText(row.querySelector('.status-text'), this.vehicleStatus(vehicle));

    const hasCharge = Number.isFinite(vehicle.soc);
    const percent = hasCharge ? new Intl.NumberFormat(LOCALES[t.language], { style: 'percent' })
      .format(vehicle.soc / 100) : '';
    setText(row.querySelector('.charge-text'), hasCharge ? t('vehicle.charge', { percent }) : '');
    setText(row.querySelector('.charge-word'), `${t('vehicle.battery')} `);
    row.querySelector('.charge').hidden = !hasCharge; // no sensor on this vehicle: nothing to say
    const level = row.querySelector('.battery .level');
    const width = hasCharge ? String(Math.round(18 * Math.max(0, Math.min(100, vehicle.soc))) / 100) : '0';
    if (level.getAttribute('width') !== width) {
      level.setAttribute('width', width);
    }
    row.querySelector('.charge').classList.toggle('low', hasCharge && vehicle.soc < 20);

    const plug = row.querySelector('.plug');
    plug.hidden = vehicle.state === 'away' || typeof vehicle.plugged !== 'boolean';
    const plugHref = vehicle.plugged ? '#i-plug' : '#i-unplugged';
    const plugUse = plug.querySelector('use');
    if (plugUse.getAttribute('href') !== plugHref) {
      plugUse.setAttribute('href', plugHref);
    }
    setText(plug.querySelector('.plug-text'), vehicle.plugged ? t('vehicle.plugged') : t('vehicle.unplugged'));
  }

  vehicleStatus(vehicle) {
    const { t } = this;
    const back = vehicle.nextFreeAt ? this.time(vehicle.nextFreeAt) : null;
    switch (vehicle.state) {
      case 'free':
        return vehicle.freeUntil ? t('vehicle.freeUntil', { time: this.time(vehicle.freeUntil) }) : t('vehicle.free');
      case 'booked':
        return back ? t('vehicle.bookedUntil', { time: back }) : t('vehicle.booked');
      case 'away':
        return back ? t('vehicle.awayUntil', { time: back }) : t('vehicle.away');
      case 'in-use':
      case 'walk-in':
        return back ? t('vehicle.busyUntil', { state: t(`state.${vehicle.state}`), time: back }) : t(`state.${vehicle.state}`);
      default:
        return t(`state.${vehicle.state}`);
    }
  }

  renderEmpty() {
    const empty = this.$('vehicles-empty');
    empty.hidden = this.board.vehicles.size > 0;
    setText(empty, this.t('vehicles.none'));
  }

  time(instant) {
    return formatTime(instant, this.t.language, this.board.site.timeZone);
  }
}

function roomRow() {
  return h('li', { class: 'item room' }, stateIcon('offline'), h('div', { class: 'item-body' },
    h('p', { class: 'item-title' }, h('span', { class: 'name' }), h('span', { class: 'capacity' }, useIcon('icon', 'i-people'),
      h('span', { class: 'capacity-text' }), h('span', { class: 'visually-hidden capacity-word' }))),
    h('p', { class: 'item-status' }, h('span', { class: 'visually-hidden state-word' }), h('span', { class: 'status-text' })),
    h('p', { class: 'item-next' })));
}

function vehicleRow() {
  const battery = svg('svg', { class: 'battery', viewBox: '0 0 26 14', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { x: 1, y: 1, width: 21, height: 12, rx: 2, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }),
    svg('rect', { x: 22.5, y: 4.5, width: 2.5, height: 5, fill: 'currentColor' }),
    svg('rect', { class: 'level', x: 2.5, y: 2.5, height: 9, width: 0, fill: 'currentColor' }));
  return h('li', { class: 'item vehicle' }, stateIcon('offline'), h('div', { class: 'item-body' },
    h('p', { class: 'item-title' }, h('span', { class: 'name' }), useIcon('icon type-icon'),
      h('span', { class: 'visually-hidden type-name' }), h('span', { class: 'charge' }, battery,
        h('span', { class: 'visually-hidden charge-word' }), h('span', { class: 'charge-text' }))),
    h('p', { class: 'item-status' }, h('span', { class: 'status-text' })),
    h('p', { class: 'item-meta plug' }, useIcon('icon'), h('span', { class: 'plug-text' }))));
}

/** An icon drawn from one of the page's symbols (decorative: the text next to it says the same). */
function useIcon(className, symbol) {
  return svg('svg', { class: className, 'aria-hidden': 'true', focusable: 'false' },
    svg('use', { href: symbol ? `#${symbol}` : null }));
}

/** A row's state: its icon (shape and glyph) and a data attribute for styling and tests. */
function setState(row, state) {
  if (row.dataset.state === state) {
    return;
  }
  row.dataset.state = state;
  setStateIcon(row.querySelector('.state-icon'), state);
}

/** Makes a list have one child per key, in order, reusing the children it has. */
function syncChildren(list, keys, make) {
  const existing = new Map([...list.children].map((child) => [child.dataset.key, child]));
  const wanted = keys.map((key) => {
    const child = existing.get(key) || make(key);
    child.dataset.key = key;
    return child;
  });
  if (wanted.length !== list.children.length || wanted.some((child, i) => list.children[i] !== child)) {
    list.replaceChildren(...wanted);
  }
}

/** "Later: 10:00–11:00, 13:00–14:00", where a line may break between slots but never inside one. */
function renderSlots(node, label, slots) {
  const text = slots.length ? `${label} ${slots.join(', ')}` : '';
  node.hidden = slots.length === 0;
  if (node.textContent === text) {
    return;
  }
  node.replaceChildren(label);
  slots.forEach((slot, i) => {
    node.append(' ', h('span', { class: 'slot' }, slot), i < slots.length - 1 ? ',' : '');
  });
}

/** Writes a URL with line-break opportunities after each slash and before the query, never inside a word. */
function renderUrl(node, url) {
  if (node.dataset.url === url) {
    return;
  }
  node.dataset.url = url;
  node.replaceChildren();
  url.split(/(?<=\/)|(?=\?)/).forEach((part, i) => {
    if (i > 0) {
      node.append(h('wbr'));
    }
    node.append(part);
  });
}

/** The booking link as people can type it: no scheme. */
function shortUrl(link) {
  if (!link) {
    return '';
  }
  try {
    const url = new URL(link, window.location.href);
    return `${url.host}${url.pathname}${url.search}`;
  } catch (notAUrl) {
    return link;
  }
}
