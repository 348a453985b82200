// What every part of the live view reads: the site's board, today's no-shows and the sensors' health, the page's
// language, and the site's clock for the times it shows.

import { formatTime } from '/assets/i18n.js';
import { locale, localToday } from './ui.js';

/** The view's data and its formatting: {board, extras, ctx, t, time(instant), sinceText(instant)}. */
export function liveView(board, extras, ctx) {
  const zone = board.site.timeZone;
  const time = (instant) => formatTime(instant, ctx.language, zone);
  const sinceText = (instant) => {
    if (!instant) {
      return '–';
    }
    if (localToday(zone, new Date(instant)) === localToday(zone)) {
      return time(instant);
    }
    return `${new Intl.DateTimeFormat(locale(ctx.language), { day: 'numeric', month: 'short', timeZone: zone })
      .format(new Date(instant))} ${time(instant)}`;
  };
  return { board, extras, ctx, t: ctx.t, time, sinceText };
}

/** How many of the items are in each live state: {free: 3, booked: 1, ...}. */
export function countStates(items) {
  const counts = {};
  for (const item of items) {
    counts[item.state] = (counts[item.state] || 0) + 1;
  }
  return counts;
}

/** Today's desk no-shows per floor id. */
export function noShowsByFloor({ board, extras }) {
  const floorOf = new Map(board.floors.flatMap((f) => f.desks.map((d) => [d.id, f.id])));
  const counts = new Map();
  for (const booking of extras.noShows) {
    const floor = floorOf.get(booking.resourceId);
    counts.set(floor, (counts.get(floor) || 0) + 1);
  }
  return counts;
}
