// Booking as every screen does it: send the request with an Idempotency-Key, tell the outcome in the user's
// language, and when the server says no, explain why and offer its alternatives as buttons that book instead.
// Also how a booking is shown (what, where, when, status) and checking in.

import { api } from '/assets/api.js';
import { formatDate, formatTime } from '/assets/i18n.js';
import { h } from '/assets/dom.js';
import { explainProblem, isNetworkError } from '/assets/problems.js';
import { icon, notice, announce, idempotencyKey, confirmDialog } from './ui.js';
import * as data from './data.js';

/** "Tuesday 24 November" for a site-local date. */
export function dayLabel(date, ctx) {
  return formatDate(data.dateOnly(date), ctx.lang, 'UTC');
}

/** When a booking (or a booking request) is: the day and the day part, or the day and the times. */
export function whenLabel(item, ctx, timeZone) {
  const date = item.date || String(item.start).slice(0, 10);
  if (item.part) {
    return `${dayLabel(date, ctx)} · ${ctx.t(`part.${item.part}`)}`;
  }
  const zone = timeZone || 'Europe/Amsterdam';
  const endDate = String(item.end).slice(0, 10);
  const end = endDate === date ? formatTime(item.end, ctx.lang, zone)
    : `${dayLabel(endDate, ctx)} ${formatTime(item.end, ctx.lang, zone)}`;
  return `${dayLabel(date, ctx)} · ${formatTime(item.start, ctx.lang, zone)}–${end}`;
}

const STATUS_ICON = { confirmed: 'clock', 'checked-in': 'check', cancelled: 'cross', 'no-show': 'cross' };
/** Why the server released a booking: nobody checked in, or the place stayed empty after check-in. */
const RELEASE_REASONS = { 'no-show': 'status.released.no-show', 'left-empty': 'status.released.left-empty' };

/** The booking's status as text with an icon (never colour alone). */
export function statusBadge(booking, ctx) {
  let key = `status.${booking.status}`;
  if (booking.releasedAt && RELEASE_REASONS[booking.releaseReason]) {
    key = RELEASE_REASONS[booking.releaseReason];
  }
  return h('span', { class: `badge badge-${booking.releasedAt ? 'released' : booking.status}` },
    icon(booking.releasedAt ? 'cross' : (STATUS_ICON[booking.status] || 'info')), ctx.t(key));
}

/** A booking as a list item, with Check in and Cancel where they apply. `onChange` runs after either. */
export async function bookingItem(booking, ctx, { onChange, cancellable = true } = {}) {
  const [siteInfo, policyMap, resource] = await Promise.all([data.site(booking.siteId), data.policies(),
    data.resources(booking.siteId, booking.resourceType)
      .then((list) => list.find((r) => r.id === booking.resourceId)).catch(() => null)]);
  const where = [siteInfo ? siteInfo.name : booking.siteId,
    resource ? placeName(siteInfo, resource.floorId, resource.zoneId) : ''].filter(Boolean).join(' · ');
  const zone = siteInfo?.timeZone;
  const nowMs = data.now();
  const actions = h('div', { class: 'button-row' });
  const feedback = h('div', { class: 'feedback' });
  if (data.canCheckIn(booking, policyMap, nowMs)) {
    actions.append(h('button', {
      type: 'button', class: 'primary', onclick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        const done = await checkIn(booking, ctx, feedback);
        if (done && onChange) {
          onChange(done, 'checked-in');
        } else {
          button.disabled = false;
        }
      },
    }, icon('check'), ctx.t('booking.checkIn'),
    h('span', { class: 'visually-hidden' }, ` ${booking.resourceName}`)));
  }
  if (cancellable && data.isActive(booking, nowMs)) {
    // A booking under way is not cancelled but ended: the server frees the rest of it from now on.
    const underway = Date.parse(booking.start) <= nowMs;
    const words = underway
      ? { button: 'booking.end', title: 'booking.endTitle', question: 'booking.endQuestion', yes: 'booking.endYes',
        no: 'booking.endNo' }
      : { button: 'booking.cancel', title: 'booking.cancelTitle', question: 'booking.cancelQuestion',
        yes: 'booking.cancelYes', no: 'booking.cancelNo' };
    actions.append(h('button', {
      type: 'button', class: 'secondary', onclick: async () => {
        const sure = await confirmDialog({
          title: ctx.t(words.title),
          lines: [ctx.t(words.question, { name: booking.resourceName, when: whenLabel(booking, ctx, zone) })],
          confirm: ctx.t(words.yes),
          cancel: ctx.t(words.no),
          danger: true,
        });
        if (!sure) {
          return;
        }
        try {
          await api(`/api/v1/bookings/${booking.id}`, { method: 'DELETE' });
          announce(ctx.t(underway ? 'booking.ended' : 'booking.cancelled', { name: booking.resourceName }));
          if (onChange) {
            onChange(booking, 'cancelled');
          }
        } catch (error) {
          ctx.handleAuth(error);
          feedback.replaceChildren(notice('error', ctx.t('booking.cancelFailed'), h('p', {}, explainProblem(error, ctx.t))));
        }
      },
    }, ctx.t(words.button), h('span', { class: 'visually-hidden' }, ` ${booking.resourceName}`)));
  }
  return h('li', { class: 'card booking', dataset: { bookingId: String(booking.id) } },
    h('div', { class: 'card-head' },
      icon(booking.resourceType, 'type-icon'),
      h('h3', {}, booking.resourceName),
      statusBadge(booking, ctx)),
    h('p', { class: 'meta' }, whenLabel(booking, ctx, zone)),
    h('p', { class: 'meta' }, icon('pin'), where),
    actions.childElementCount ? actions : null,
    feedback);
}

/** Checks in (method app or qr) and tells the outcome in `feedback`. Resolves to the booking, or null. */
export async function checkIn(booking, ctx, feedback, method = 'app') {
  try {
    const done = await api(`/api/v1/bookings/${booking.id}/check-in`, { method: 'POST', body: { method } });
    const text = ctx.t('booking.checkedIn', { name: booking.resourceName });
    feedback.replaceChildren(notice('success', text));
    announce(text);
    return done;
  } catch (error) {
    ctx.handleAuth(error);
    feedback.replaceChildren(notice('error', ctx.t('booking.checkInFailed'), h('p', {}, explainProblem(error, ctx.t))));
    return null;
  }
}

/**
 * Books `request` and tells the outcome in `feedback`. On a refusal the explanation comes with the server's
 * `alternatives` as buttons that book one of them instead (for a taken desk without alternatives in the answer,
 * the free desks at the same site, same zone first). Resolves to the booking made, or null.
 * Options: name (what is booked, for the messages), siteInfo, onBooked(booking).
 */
export async function attemptBooking(request, ctx, feedback, options = {}) {
  const name = options.name || request.resourceId;
  feedback.replaceChildren(h('p', { class: 'loading', role: 'status' }, ctx.t('booking.busy')));
  try {
    const booking = await api('/api/v1/bookings', {
      method: 'POST', body: request, headers: { 'Idempotency-Key': idempotencyKey() },
    });
    await showBooked(booking, ctx, feedback, options);
    if (options.onBooked) {
      options.onBooked(booking);
    }
    return booking;
  } catch (error) {
    ctx.handleAuth(error);
    const alternatives = await alternativesFor(error, request, options);
    const explanation = h('p', {}, explainProblem(error, ctx.t));
    const offers = alternatives.length ? h('div', { class: 'alternatives' },
      h('p', {}, ctx.t('booking.alternatives')),
      h('ul', { class: 'plain' }, alternatives.map((alt) => h('li', {}, h('button', {
        type: 'button', class: 'secondary alternative', onclick: () => attemptBooking(
          instead(request, alt), ctx, feedback, { ...options, name: alt.name }),
      }, ctx.t('booking.bookInstead', { name: alt.name }),
      alternativeDetail(alt, request, ctx, options.siteInfo)))))) : null;
    const title = isNetworkError(error) ? ctx.t('error.networkTitle') : ctx.t('booking.failed', { name });
    feedback.replaceChildren(notice('error', title, explanation, offers));
    return null;
  }
}

/** The request for an alternative: another resource, and for rooms and vehicles possibly another time. */
function instead(request, alt) {
  const changed = { ...request, resourceId: alt.resourceId };
  if (request.start && alt.start && alt.end) {
    changed.start = alt.start;
    changed.end = alt.end;
  }
  return changed;
}

/** What tells alternatives apart: a desk's floor and zone; a room's or vehicle's time (and a vehicle's charge). */
function alternativeDetail(alt, request, ctx, siteInfo) {
  if (request.start && alt.start && alt.end && siteInfo) {
    const charge = alt.expectedSoc !== undefined && alt.expectedSoc !== null
      ? ` · ${ctx.t('vehicles.expectedShort', { soc: alt.expectedSoc })}` : '';
    return h('span', { class: 'alt-detail' }, ` · ${formatTime(alt.start, ctx.lang, siteInfo.timeZone)}–`
      + `${formatTime(alt.end, ctx.lang, siteInfo.timeZone)}${charge}`);
  }
  const where = placeName(siteInfo, alt.floorId, alt.zoneId);
  return where ? h('span', { class: 'alt-detail' }, ` · ${where}`) : null;
}

/** "First floor, ICT corner" from floor and zone ids, using the site's names. */
export function placeName(siteInfo, floorId, zoneId) {
  const floor = (siteInfo?.floors || []).find((f) => f.id === floorId);
  const zone = (floor?.zones || []).find((z) => z.id === zoneId);
  return [floor?.name, zone?.name].filter(Boolean).join(', ');
}

async function alternativesFor(error, request, options) {
  if (!error?.problem) {
    return [];
  }
  if (Array.isArray(error.problem?.alternatives)) {
    return error.problem.alternatives.slice(0, 3);
  }
  if (error.status !== 409 || !request.date || !options.siteInfo) {
    return [];
  }
  // An older server names no alternatives: the free desks of the same site and slot, same zone first.
  try {
    const query = new URLSearchParams({ siteId: options.siteInfo.id, type: 'desk', date: request.date, part: request.part });
    const answer = await api(`/api/v1/availability?${query}`);
    const taken = (await data.resources(options.siteInfo.id, 'desk')).find((r) => r.id === request.resourceId);
    return nearest(taken, answer.resources).slice(0, 3)
      .map((r) => ({ resourceId: r.id, name: r.name, floorId: r.floorId, zoneId: r.zoneId }));
  } catch (ignored) {
    return [];
  }
}

/** Free desks ordered by how near they are to `desk`: same zone, then same floor by distance, then the rest. */
export function nearest(desk, free) {
  const distance = (r) => {
    if (!desk) {
      return 0;
    }
    let rank = 0;
    if (r.zoneId !== desk.zoneId || !desk.zoneId) {
      rank += 1e6;
    }
    if (r.floorId !== desk.floorId) {
      rank += 1e7;
    }
    if (r.position && desk.position) {
      rank += Math.hypot(r.position.x - desk.position.x, r.position.y - desk.position.y);
    } else {
      rank += 1e5;
    }
    return rank;
  };
  return free.filter((r) => !desk || r.id !== desk.id).sort((a, b) => distance(a) - distance(b));
}

async function showBooked(booking, ctx, feedback, options) {
  const siteInfo = options.siteInfo || await data.site(booking.siteId);
  const policyMap = await data.policies();
  const text = ctx.t('booking.booked', { name: booking.resourceName, when: whenLabel(booking, ctx, siteInfo?.timeZone) });
  const checkInFeedback = h('div', {});
  const actions = h('div', { class: 'button-row' });
  if (data.canCheckIn(booking, policyMap, data.now()) && options.offerCheckIn !== false) {
    actions.append(h('button', {
      type: 'button', class: 'primary', onclick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        if (await checkIn(booking, ctx, checkInFeedback)) {
          const row = button.closest('.button-row');
          button.remove();
          row.querySelector('a')?.focus();
        } else {
          button.disabled = false;
        }
      },
    }, icon('check'), ctx.t('booking.checkInNow')));
  }
  actions.append(h('a', { href: '/bookings', 'data-link': true, class: 'button secondary' }, ctx.t('booking.seeMine')));
  feedback.replaceChildren(notice('success', text, actions, checkInFeedback));
  announce(text);
}
