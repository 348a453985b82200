// The site's figures at the top of the live view: the summary cards and the table of floors.

import { h } from '/assets/dom.js';
import { countStates, noShowsByFloor } from './live-view.js';
import { formatNumber, formatPercent, table } from './ui.js';

/** The cards: occupied, booked, walk-ins, free, no-shows and sensors that need attention. */
export function summaryCards(view, counts, total) {
  const { board, extras, ctx, t } = view;
  const occupied = (counts['in-use'] || 0) + (counts['walk-in'] || 0);
  const booked = (counts.booked || 0) + (counts['in-use'] || 0);
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
      card('card-walkins', t('live.walkIns'), n(counts['walk-in']), t('live.walkInsNote')),
      card('card-free', t('live.free'), n(counts.free), t('live.freeNote')),
      card('card-noshows', t('live.noShows'), n(extras.noShows.length), t('live.noShowsNote')),
      card('card-sensors', t('live.sensorsAttention'), n(attention), t('live.sensorsAttentionNote'))));
}

/** One row per floor with desks: desks, booked, occupied, walk-ins, no-shows, free, offline, out of service. */
export function floorsTable(view, floors) {
  const { board, ctx, t } = view;
  const noShows = noShowsByFloor(view);
  const n = (v) => formatNumber(v || 0, ctx.language);
  const rows = floors.map((floor) => {
    const c = countStates(floor.desks);
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
