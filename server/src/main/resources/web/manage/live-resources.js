// The meeting rooms and the pool vehicles in the live view: each with its live state, and for a room until when,
// for a vehicle its charge, plug and range.

import { h } from '/assets/dom.js';
import { stateBadge } from '/assets/floormap.js';
import { formatNumber, formatPercent, icon, table } from './ui.js';

const LOW_CHARGE = 20;

export function roomsSection(view) {
  const { board, ctx, t, time } = view;
  if (!board.rooms.length) {
    return null;
  }
  const floorName = (id) => board.floors.find((f) => f.id === id)?.name || '–';
  return h('section', { class: 'panel', 'aria-labelledby': 'rooms-title' },
    h('h2', { id: 'rooms-title', text: t('live.roomsTitle') }),
    table(t('live.roomsTitle'), [t('live.room'), t('live.floor'), t('live.capacity'), t('live.state'), t('live.until'),
      t('live.next')],
    board.rooms.map((r) => [r.name, floorName(r.floorId), formatNumber(r.capacity, ctx.language),
      stateBadge(r.state, t), roomUntil(view, r),
      r.next?.length ? r.next.map((slot) => `${time(slot.start)}–${time(slot.end)}`).join(', ') : '–']),
    { rowHeader: true, numeric: [2], captionHidden: true, class: 'data rooms' }));
}

function roomUntil({ t, time }, room) {
  if (room.busyUntil) {
    return t('live.busyUntil', { time: time(room.busyUntil) });
  }
  if (room.state === 'free') {
    return room.freeUntil ? t('live.freeUntil', { time: time(room.freeUntil) }) : t('live.freeAllDay');
  }
  return '–';
}

export function vehiclesSection(view) {
  const { board, ctx, t, time } = view;
  if (!board.vehicles.length) {
    return null;
  }
  return h('section', { class: 'panel', 'aria-labelledby': 'vehicles-title' },
    h('h2', { id: 'vehicles-title', text: t('live.vehiclesTitle') }),
    table(t('live.vehiclesTitle'), [t('live.vehicle'), t('live.state'), t('live.charge'), t('live.plugged'),
      t('live.range')], board.vehicles.map((v) => [
      h('span', { class: 'vehicle-name' }, h('span', { text: v.name }),
        h('span', { class: 'muted small', text: t(`type.${v.type}`) })),
      h('span', { class: 'vehicle-state' }, stateBadge(v.state, t),
        v.nextFreeAt ? h('span', { class: 'muted small', text: t('live.freeAgain', { time: time(v.nextFreeAt) }) }) : null),
      charge(view, v.soc),
      v.plugged === undefined || v.plugged === null ? '–'
        : h('span', { class: 'plugged' }, v.plugged ? icon('plug') : null,
          h('span', { text: v.plugged ? t('yes') : t('no') })),
      v.rangeKm ? t('live.km', { km: formatNumber(v.rangeKm, ctx.language) }) : '–']),
    { rowHeader: true, numeric: [4], captionHidden: true, class: 'data vehicles' }));
}

function charge({ ctx, t }, soc) {
  if (soc === undefined || soc === null) {
    return h('span', { class: 'muted', text: t('live.chargeUnknown') });
  }
  const low = soc < LOW_CHARGE;
  const fill = h('span', { class: `charge-fill${low ? ' low' : ''}` });
  fill.style.width = `${Math.max(0, Math.min(100, soc))}%`;
  return h('span', { class: 'charge' },
    h('span', { class: 'charge-bar', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'charge-text', text: formatPercent(soc / 100, ctx.language) }),
    low ? h('span', { class: 'charge-low' }, icon('warning'), h('span', { text: t('live.chargeLow') })) : null);
}
