// The sensors' health in the live view: how many are offline, low on battery or not yet assigned to a resource,
// and a list of those that need attention.

import { h } from '/assets/dom.js';
import { formatNumber, formatPercent, icon, table } from './ui.js';

/** At most this many rows in the attention list; the counts above it are complete. */
const LIST_LIMIT = 200;

export function sensorsSection({ board, extras, ctx, t, sinceText }) {
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
      return h('span', { class: 'state st-booked' }, icon('unassigned'), h('span', { text: t('sensor.unassigned') }));
    }
    return h('span', { class: 'state st-offline' }, icon(s.status === 'low-battery' ? 'battery' : 'disconnected'),
      h('span', { text: t(`sensor.${s.status}`) }));
  };
  return h('section', { class: 'panel', 'aria-labelledby': 'sensors-title' },
    h('h2', { id: 'sensors-title', text: t('live.sensorsTitle') }),
    h('ul', { class: 'cards' },
      item('sensors-offline', 'disconnected', t('sensor.offline'), offline.length),
      item('sensors-low', 'battery', t('sensor.low-battery'), low.length),
      item('sensors-unassigned', 'unassigned', t('sensor.unassigned'), unassigned.length)),
    attention.length === 0
      ? h('p', { text: t('live.sensorsAllOk') })
      : h('details', { class: 'desk-list', id: 'sensor-list' },
        h('summary', { text: t('live.sensorList', { count: attention.length }) }),
        table(t('live.sensorsTitle'), [t('live.sensor'), t('live.resource'), t('live.state'), t('live.lastSeen'),
          t('live.battery')], attention.slice(0, LIST_LIMIT).map((s) => [s.id,
          s.resourceId ? (names.get(s.resourceId) || s.resourceId) : '–', statusOf(s),
          s.lastSeen ? sinceText(s.lastSeen) : t('live.never'),
          s.battery === undefined || s.battery === null ? '–' : formatPercent(s.battery / 100, ctx.language)]),
        { rowHeader: true, numeric: [4], captionHidden: true })));
}
