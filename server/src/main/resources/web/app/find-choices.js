// What a find screen searches for, and how it is kept in the address: the choices start from the address (so a
// reload or a shared link shows the same), else from the site's next open day and the current day part.

import * as data from './data.js';

export const FEATURES = {
  desk: ['standing', 'dual-monitor', 'docking', 'quiet', 'wheelchair-accessible'],
  room: ['screen', 'video-conferencing', 'accessible', 'whiteboard'],
  ebike: ['child-seat', 'cargo'],
  ecar: ['tow-hitch', 'wheelchair-accessible'],
};

const PARTS = ['day', 'morning', 'afternoon'];

/** The choices for a kind ('desk', 'room', 'vehicle') at a site, from the address where it has them. */
export function initialChoices(kind, site, query) {
  const nowMs = data.now();
  const today = data.localDate(nowMs, site.timeZone);
  const date = validDate(query.get('date')) || data.nextOpenDate(site, today, nowMs);
  const choices = {
    date,
    part: PARTS.includes(query.get('part')) ? query.get('part')
      : date === today ? data.currentDayPart(nowMs, site.timeZone) : 'day',
    zone: query.get('zone') || '',
    features: (query.get('features') || '').split(',').filter((f) => f),
    attendees: Math.max(1, Number(query.get('attendees')) || 2),
    type: query.get('type') === 'ebike' ? 'ebike' : 'ecar',
    start: validTime(query.get('start')),
    end: validTime(query.get('end')),
  };
  if (kind === 'vehicle' && !query.get('type')) {
    choices.type = 'ebike';
  }
  return choices;
}

/** The resource type searched for: a vehicle search is for e-bikes or e-cars. */
export function resourceType(kind, choices) {
  return kind === 'vehicle' ? choices.type : kind;
}

/** Writes the choices into the address without a new history entry. */
export function keepInAddress(kind, site, choices) {
  const params = new URLSearchParams({ site: site.id, date: choices.date });
  if (kind === 'desk') {
    params.set('part', choices.part);
    if (choices.zone) {
      params.set('zone', choices.zone);
    }
  } else {
    if (choices.start) {
      params.set('start', choices.start);
      params.set('end', choices.end);
    }
    if (kind === 'room') {
      params.set('attendees', String(choices.attendees));
    } else {
      params.set('type', choices.type);
    }
  }
  if (choices.features.length) {
    params.set('features', choices.features.join(','));
  }
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

export function validDate(value) {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function validTime(value) {
  return value && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? value : null;
}
