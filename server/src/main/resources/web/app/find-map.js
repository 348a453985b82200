// The desk finder's floor map: the kit's floor map (/assets/floormap.js) with the search's own marks. A desk that
// matches the choices is a button (tick), a free desk that does not match is shown (i), a taken one is crossed;
// each says so in words too. The floor with the most matching desks opens first.

import { h, svg } from '/assets/dom.js';
import { FloorMap } from '/assets/floormap.js';
import { field, icon, iconPath, select } from './ui.js';

// The floor's desks' bounding box, at least 14 × 7 m, so a small floor is not drawn with giant marks; a zone has
// room for its name above its desks and the desk numbers below, less than the 4 m between desk rows.
const MAP = { pad: 2.2, minWidth: 14, minHeight: 7, extraTop: 1 };
const ZONE_MARGIN = { top: 1.85, right: 1.5, bottom: 1.9, left: 1.5 };
const MARK_RADIUS = 0.95;

export function deskMap(f, answer, found) {
  const { t } = f;
  const freeIds = new Set(answer.resources.map((r) => r.id));
  const matchIds = new Set(found.map((r) => r.id));
  const placed = answer.all.filter((r) => r.position && r.floorId);
  const floors = (f.site.floors || []).filter((floor) => placed.some((r) => r.floorId === floor.id));
  if (!floors.length) {
    return h('p', { class: 'empty' }, t('find.noMap'));
  }
  if (!floors.some((floor) => floor.id === f.mapFloor)) {
    const best = floors.map((floor) => [floor, found.filter((r) => r.floorId === floor.id).length])
      .sort((a, b) => b[1] - a[1]);
    f.mapFloor = best[0][0].id;
  }
  const floor = floors.find((candidate) => candidate.id === f.mapFloor);
  const desks = placed.filter((r) => r.floorId === floor.id).map((r) => ({ ...r, x: r.position.x, y: r.position.y }));
  const stateOf = (desk) => (matchIds.has(desk.id) ? 'free' : freeIds.has(desk.id) ? 'other' : 'taken');
  const labelOf = (desk) => `${desk.name}: ${t(`map.${stateOf(desk)}`)}`;
  const map = new FloorMap({
    floor,
    desks,
    ...MAP,
    size: MARK_RADIUS * 2,
    label: t('find.mapOf', { floor: floor.name }),
    role: 'group',
    svgAttributes: { class: 'floor-map' },
    frame: 'floor',
    zones: 'inside',
    zoneMargin: ZONE_MARGIN,
    zoneRadius: 0.4,
    zoneClass: (zone) => `zone${zone.id === f.state.zone ? ' zone-chosen' : ''}`,
    title: labelOf,
    mark: (desk) => {
      const state = stateOf(desk);
      return [svg('circle', { r: MARK_RADIUS }),
        svg('path', { d: iconPath({ free: 'check', other: 'info', taken: 'cross' }[state]),
          transform: 'translate(-0.66 -0.66) scale(0.055)' }),
        svg('text', { y: 1.58, class: 'desk-label', 'aria-hidden': 'true' }, shortName(desk.name))];
    },
    deskAttributes: (desk) => ({
      class: `desk desk-${stateOf(desk)}`, 'data-resource-id': desk.id, 'aria-label': labelOf(desk),
      ...(matchIds.has(desk.id) ? { role: 'button', tabindex: '0' } : { role: 'img' }),
    }),
    choosable: (desk) => matchIds.has(desk.id),
    onChoose: (desk) => f.choose(desk),
  });
  const parts = [];
  if (floors.length > 1) {
    const floorSelect = select('map-floor', floors.map((each) => ({ value: each.id, label: each.name })), floor.id);
    floorSelect.addEventListener('change', () => {
      f.mapFloor = floorSelect.value;
      f.showResults(f.lastAnswer);
      document.getElementById('map-floor')?.focus();
    });
    parts.push(field(t('find.floor'), floorSelect));
  } else {
    parts.push(h('h3', { class: 'map-floor-name' }, floor.name));
  }
  parts.push(h('div', { class: 'map-frame' }, map.element));
  parts.push(h('ul', { class: 'legend plain', 'aria-label': t('map.legend') },
    h('li', {}, h('span', { class: 'legend-mark desk-free' }, icon('check')), t('map.free')),
    h('li', {}, h('span', { class: 'legend-mark desk-other' }, icon('info')), t('map.other')),
    h('li', {}, h('span', { class: 'legend-mark desk-taken' }, icon('cross')), t('map.taken'))));
  const unplaced = found.filter((r) => !r.position).length;
  if (unplaced) {
    parts.push(h('p', { class: 'hint' }, t('find.unplaced', { count: unplaced })));
  }
  return h('div', { class: 'map', id: 'floor-map' }, ...parts);
}

/** The desk's number on the map: the last word of its name ("Desk 3.12" is 3.12). */
function shortName(name) {
  const parts = String(name).split(' ');
  return parts[parts.length - 1];
}
