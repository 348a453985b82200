// What several screens need from the API, fetched once per page load: who I am, the sites, the booking policies,
// the resources of a site, and the server's clock. Plus the time arithmetic in a site's time zone.

import { api } from '/assets/api.js';
import { learnServerTime, serverNow } from '/assets/clock.js';

let mePromise = null;
let sitesPromise = null;
let policiesPromise = null;
let clockSynced = false;
const resourcesBySite = new Map();

/** Forgets everything fetched, as after logging out or in as someone else. */
export function forget() {
  mePromise = null;
  sitesPromise = null;
  policiesPromise = null;
  clockSynced = false;
  resourcesBySite.clear();
}

/** The logged-in account (GET /me), normalised: homeSiteId, findableByTeam and usualDesk are always there. */
export function me(refresh = false) {
  if (!mePromise || refresh) {
    mePromise = api('/api/v1/me').then(normaliseMe).catch((error) => {
      mePromise = null;
      throw error;
    });
  }
  return mePromise;
}

export function normaliseMe(account) {
  return {
    ...account,
    homeSiteId: account.homeSiteId || account.siteId || null,
    findableByTeam: Boolean(account.findableByTeam),
    usualDesk: account.usualDesk || null,
  };
}

/** Replaces the cached account after a change such as PUT /me/preferences. */
export function setMe(account) {
  mePromise = Promise.resolve(normaliseMe(account));
  return mePromise;
}

/** All sites, by name. */
export function sites() {
  if (!sitesPromise) {
    sitesPromise = api('/api/v1/sites').then((answer) => answer.sites).catch((error) => {
      sitesPromise = null;
      throw error;
    });
  }
  return sitesPromise;
}

export async function site(siteId) {
  return (await sites()).find((s) => s.id === siteId) || null;
}

/** The booking policies by resource type; an empty map when they cannot be read (the server still checks). */
export function policies() {
  if (!policiesPromise) {
    policiesPromise = api('/api/v1/policies')
      .then((answer) => Object.fromEntries(answer.policies.map((p) => [p.resourceType, p])))
      .catch(() => ({}));
  }
  return policiesPromise;
}

/** All resources of one type at a site (for the floor map, which shows taken desks too). */
export function resources(siteId, type) {
  const key = `${siteId}/${type}`;
  if (!resourcesBySite.has(key)) {
    const promise = api(`/api/v1/resources?siteId=${encodeURIComponent(siteId)}&type=${type}`)
      .then((answer) => answer.resources)
      .catch((error) => {
        resourcesBySite.delete(key);
        throw error;
      });
    resourcesBySite.set(key, promise);
  }
  return resourcesBySite.get(key);
}

/**
 * Learns the server's clock once. "Today", "now" and the current day part are the server's: a phone's clock may
 * be off, and the server decides what is in the past. The live occupancy answer says when it was read.
 */
export async function syncClock(siteId) {
  if (clockSynced || !siteId) {
    return;
  }
  clockSynced = true;
  const sentMs = Date.now();
  try {
    const answer = await api(`/api/v1/sites/${encodeURIComponent(siteId)}/occupancy`);
    learnServerTime(Date.parse(answer.at), sentMs, Date.now());
  } catch (ignored) {
    // Every answer's Date header still tells the server's time to the second.
  }
}

/** Now, by the server's clock, in epoch milliseconds. */
export function now() {
  return serverNow();
}

// ---- Time in a site's zone -------------------------------------------------------------------------------------

const partFormatters = new Map();

function wallClock(ms, timeZone) {
  if (!partFormatters.has(timeZone)) {
    partFormatters.set(timeZone, new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: '2-digit', hourCycle: 'h23',
    }));
  }
  const parts = {};
  for (const part of partFormatters.get(timeZone).formatToParts(new Date(ms))) {
    parts[part.type] = part.value;
  }
  return parts;
}

/** The site-local date (YYYY-MM-DD) of an instant. */
export function localDate(ms, timeZone) {
  const p = wallClock(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The site-local time (HH:MM) of an instant. */
export function localTime(ms, timeZone) {
  const p = wallClock(ms, timeZone);
  return `${p.hour}:${p.minute}`;
}

function offsetMinutes(ms, timeZone) {
  const p = wallClock(ms, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** A site-local date and time as an ISO date-time with the zone's offset that moment (daylight saving included). */
export function zonedDateTime(date, time, timeZone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  let offset = offsetMinutes(asUtc, timeZone);
  const second = offsetMinutes(asUtc - offset * 60000, timeZone);
  if (second !== offset) {
    offset = second;
  }
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The date n days after a YYYY-MM-DD date. */
export function addDays(date, n) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** An instant for formatting a date-only value at noon UTC, so every zone shows the same calendar day. */
export function dateOnly(date) {
  return Date.parse(`${date}T12:00:00Z`);
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The site's opening hours on a local date ({opens, closes}) or null when closed (weekday or closure day). */
export function hoursOn(siteInfo, date) {
  if (!siteInfo) {
    return null;
  }
  if ((siteInfo.closures || []).some((c) => c.date === date)) {
    return null;
  }
  const weekday = WEEKDAYS[new Date(dateOnly(date)).getUTCDay()];
  return (siteInfo.openingHours || []).find((h) => h.day === weekday) || null;
}

/** The first date from `date` on (within `days`) when the site is open and not yet closed for the day. */
export function nextOpenDate(siteInfo, date, nowMs, days = 14) {
  for (let i = 0; i <= days; i++) {
    const candidate = addDays(date, i);
    const hours = hoursOn(siteInfo, candidate);
    if (hours && (i > 0 || localTime(nowMs, siteInfo.timeZone) < hours.closes)) {
      return candidate;
    }
  }
  return date;
}

/** The desk day part for "now": before 12:00 the whole day, from 12:00 the afternoon. */
export function currentDayPart(nowMs, timeZone) {
  return localTime(nowMs, timeZone) < '12:00' ? 'day' : 'afternoon';
}

/** The 15-minute grid times (HH:MM) from `from` to `to` inclusive. */
export function quarterHours(from, to) {
  const toMinutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const times = [];
  for (let m = Math.ceil(toMinutes(from) / 15) * 15; m <= toMinutes(to); m += 15) {
    times.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return times;
}

/** The local date of a booking: its own date (desks) or the date part of its start, which carries the site offset. */
export function bookingDate(booking) {
  return booking.date || String(booking.start).slice(0, 10);
}

/** Whether check-in is open for a booking now: confirmed, from shortly before the start until the end. */
export function canCheckIn(booking, policyMap, nowMs) {
  if (booking.status !== 'confirmed' || booking.releasedAt || booking.cancelledAt) {
    return false;
  }
  const opens = policyMap[booking.resourceType]?.checkInOpensMinutes ?? 15;
  return nowMs >= Date.parse(booking.start) - opens * 60000 && nowMs < Date.parse(booking.end);
}

/** Whether the booking still holds its resource (not cancelled, not released, not over). */
export function isActive(booking, nowMs) {
  return (booking.status === 'confirmed' || booking.status === 'checked-in') && !booking.releasedAt
    && !booking.cancelledAt && Date.parse(booking.end) > nowMs;
}
