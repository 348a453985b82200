// The choices on the find screens: site, date, day part or times, attendees, vehicle type, and (folded away) zone
// and features. Drawn again when a choice changes what the others may be (another site has other zones and hours);
// the control in use keeps the focus.

import { h } from '/assets/dom.js';
import { field, select, radioGroup, checkboxGroup } from './ui.js';
import * as data from './data.js';
import { FEATURES, validDate } from './find-choices.js';

export function drawControls(f) {
  const { t, kind } = f;
  const nowMs = data.now();
  const today = data.localDate(nowMs, f.site.timeZone);
  const maxAhead = f.policies[f.resourceType()]?.maxDaysAhead ?? (kind === 'desk' ? 14 : 30);
  const siteSelect = select('site', f.sites.map((s) => ({ value: s.id, label: s.name })), f.site.id);
  siteSelect.addEventListener('change', () => f.changeSite(f.sites.find((s) => s.id === siteSelect.value)));
  const dateInput = h('input', {
    id: 'date', name: 'date', type: 'date', value: f.state.date, min: today, max: data.addDays(today, maxAhead),
    required: true,
  });
  dateInput.addEventListener('change', () => {
    if (validDate(dateInput.value)) {
      f.state.date = dateInput.value;
      if (kind !== 'desk') {
        f.state.start = null;
        f.state.end = null;
        f.drawControls();
      }
      f.search();
    }
  });
  const parts = [field(t('find.site'), siteSelect), field(t('find.date'), dateInput, openingHint(f))];
  // Zone and features fold away, so on a phone the free desks are close below the date and day part.
  const more = [];
  if (kind === 'desk') {
    parts.push(radioGroup('part', t('find.part'), ['day', 'morning', 'afternoon'].map((p) => ({
      value: p, label: t(`part.${p}`),
    })), f.state.part, (e) => { f.state.part = e.target.value; f.search(); }));
    more.push(zoneField(f));
  }
  if (kind === 'vehicle') {
    parts.push(radioGroup('vehicle-type', t('vehicles.type'), ['ebike', 'ecar'].map((v) => ({
      value: v, label: t(`type.${v}`),
    })), f.state.type, (e) => {
      f.state.type = e.target.value;
      f.state.features = [];
      f.drawControls();
      f.search();
    }));
  }
  if (kind !== 'desk') {
    parts.push(...timeFields(f));
  }
  if (kind === 'room') {
    const attendees = h('input', {
      id: 'attendees', name: 'attendees', type: 'number', min: '1', max: '1000', value: String(f.state.attendees),
      inputmode: 'numeric',
    });
    attendees.addEventListener('change', () => {
      const value = Number(attendees.value);
      if (Number.isInteger(value) && value >= 1) {
        f.state.attendees = value;
        f.search();
      }
    });
    parts.push(field(t('rooms.attendees'), attendees));
  }
  const options = FEATURES[f.resourceType()].map((f) => ({ value: f, label: t(`feature.${f}`) }));
  more.push(checkboxGroup('features', t(kind === 'room' ? 'rooms.equipment' : 'find.features'), options,
    f.state.features, () => {
      f.state.features = [...f.controls.querySelectorAll('input[name=features]:checked')].map((i) => i.value);
      f.search();
    }));
  const chosen = f.state.features.length + (f.state.zone ? 1 : 0);
  const details = h('details', { class: 'more-choices', open: f.moreOpen || chosen > 0 },
    h('summary', {}, t(kind === 'desk' ? 'find.moreDesk' : kind === 'room' ? 'rooms.more' : 'find.more'),
      chosen ? h('span', { class: 'chosen' }, ` (${t('find.chosen', { count: chosen })})`) : null),
    ...more);
  details.addEventListener('toggle', () => { f.moreOpen = details.open; });
  parts.push(details);
  // The controls are drawn again (another site has other zones and hours); the one in use keeps the focus.
  const active = document.activeElement;
  const again = active && f.controls.contains(active)
    ? (active.id ? `#${active.id}` : `input[name="${active.name}"][value="${active.value}"]`) : null;
  f.controls.replaceChildren(...parts);
  if (again) {
    f.controls.querySelector(again)?.focus();
  }
}

function openingHint({ t, site, state }) {
  const hours = data.hoursOn(site, state.date);
  return hours ? t('find.openHours', { opens: hours.opens, closes: hours.closes })
    : t('find.closedThatDay');
}

function zoneField(f) {
  const { t } = f;
  const options = [{ value: '', label: t('find.anyZone') }];
  const mine = teamZone(f);
  if (mine) {
    options.push({ value: mine.id, label: t('find.nearTeam', { zone: mine.name }) });
  }
  for (const floor of f.site.floors || []) {
    for (const zone of floor.zones || []) {
      if (!mine || zone.id !== mine.id) {
        options.push({ value: zone.id, label: `${floor.name} · ${zone.name}` });
      }
    }
  }
  if (!options.some((o) => o.value === f.state.zone)) {
    f.state.zone = '';
  }
  const zoneSelect = select('zone', options, f.state.zone);
  zoneSelect.addEventListener('change', () => { f.state.zone = zoneSelect.value; f.search(); });
  return field(t('find.zone'), zoneSelect, mine ? null : t('find.noTeamZone'));
}

function teamZone({ site, ctx }) {
  const { department } = ctx.account;
  if (!department) {
    return null;
  }
  for (const floor of site.floors || []) {
    const zone = (floor.zones || []).find((z) => z.team === department);
    if (zone) {
      return zone;
    }
  }
  return null;
}

function timeFields(f) {
  const { t, kind } = f;
  const hours = data.hoursOn(f.site, f.state.date);
  if (!hours) {
    return [];
  }
  const nowMs = data.now();
  const isToday = f.state.date === data.localDate(nowMs, f.site.timeZone);
  const times = data.quarterHours(hours.opens, hours.closes);
  const nowTime = data.localTime(nowMs, f.site.timeZone);
  const startTimes = times.slice(0, -1).filter((time) => !isToday || time >= nowTime
    || time === times.filter((x) => x <= nowTime).pop());
  if (!startTimes.length) {
    return [h('p', { class: 'hint' }, t('find.closedNow'))];
  }
  const defaultLength = kind === 'room' ? 4 : 8;
  if (!f.state.start || !startTimes.includes(f.state.start)) {
    const preferred = isToday ? startTimes.find((x) => x >= nowTime) || startTimes[0] : '09:00';
    f.state.start = startTimes.includes(preferred) ? preferred : startTimes[0];
  }
  const endTimes = () => times.filter((time) => time > f.state.start);
  if (!f.state.end || !endTimes().includes(f.state.end)) {
    const ends = endTimes();
    f.state.end = ends[Math.min(defaultLength - 1, ends.length - 1)];
  }
  const startSelect = select('start', startTimes.map((x) => ({ value: x, label: x })), f.state.start);
  const endSelect = select('end', endTimes().map((x) => ({ value: x, label: x })), f.state.end);
  startSelect.addEventListener('change', () => {
    f.state.start = startSelect.value;
    if (f.state.end <= f.state.start) {
      f.state.end = null;
    }
    f.drawControls();
    f.search();
  });
  endSelect.addEventListener('change', () => { f.state.end = endSelect.value; f.search(); });
  const labels = kind === 'room' ? ['rooms.start', 'rooms.end'] : ['vehicles.start', 'vehicles.end'];
  return [h('div', { class: 'field-pair' }, field(t(labels[0]), startSelect), field(t(labels[1]), endSelect))];
}

// ---- searching -------------------------------------------------------------------------------------------
