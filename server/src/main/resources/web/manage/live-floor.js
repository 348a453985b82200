// One floor in the live view: its plan (the kit's floor map, each desk its live state's symbol), the legend with
// a count per state, today's no-shows, and the list of desks in a table for those who do not read the plan.

import { h } from '/assets/dom.js';
import { DESK_STATES, FloorMap, stateBadge } from '/assets/floormap.js';
import { countStates, noShowsByFloor } from './live-view.js';
import { formatNumber, table } from './ui.js';

/** The mark's width and the margin around the desks, in metres: a little under the 2 m desks are apart. */
const MARK = 1.9;
const MARGIN = 1.8;
const MAX_WIDTH_PX = 640;
const PX_PER_METRE = 22;

export function floorSection(view, floor) {
  const { ctx, t, sinceText } = view;
  const id = `floor-${floor.id}`;
  const c = countStates(floor.desks);
  const noShows = noShowsByFloor(view).get(floor.id) || 0;
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
      floorPlan(view, floor, c),
      h('div', { class: 'floor-side' },
        h('p', { class: 'floor-figure' }, t('live.noShowsToday', { count: formatNumber(noShows, ctx.language) })),
        legend)),
    list);
}

function floorPlan({ t }, floor, c) {
  const map = new FloorMap({
    floor,
    desks: floor.desks,
    label: t('live.planLabel', {
      floor: floor.name, total: floor.desks.length,
      occupied: (c['in-use'] || 0) + (c['walk-in'] || 0), free: c.free || 0,
    }),
    size: MARK,
    pad: MARGIN,
    frame: 'plan-floor',
    frameRadius: 0.4,
    title: (desk) => `${desk.name}: ${t(`state.${desk.state}`)}`,
    deskAttributes: (desk) => ({ class: `plan-desk st-${desk.state}`, 'data-desk': desk.id, 'data-state': desk.state }),
  });
  if (!map.element) {
    return h('p', { class: 'muted', text: t('live.noPlan') });
  }
  const { width: w, height: tall } = map.box;
  const width = Math.min(MAX_WIDTH_PX, Math.round(w * PX_PER_METRE));
  map.element.setAttribute('class', 'plan');
  map.element.setAttribute('id', `plan-${floor.id}`);
  map.element.setAttribute('width', String(width));
  map.element.setAttribute('height', String(Math.round((width * tall) / w)));
  return h('div', { class: 'plan-wrap' }, map.element,
    map.unplaced ? h('p', { class: 'muted small', text: t('live.unplaced', { count: map.unplaced }) }) : null);
}
