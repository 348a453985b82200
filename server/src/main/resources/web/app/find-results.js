// The find screens' results: how many were found, a list of cards to choose from, and for desks a switch to
// the floor map. Desks: the server answers every free desk; zone and features are applied here, so the map can
// also show the free desks that do not match, differently from the taken ones.

import { h } from '/assets/dom.js';
import { plural } from '/assets/i18n.js';
import { icon } from './ui.js';
import { placeName } from './booking.js';
import { deskMap } from './find-map.js';

function matching({ kind, state }, answer) {
  // Desks: the server answers every free desk; zone and features are applied here, so the map can also show the
  // free desks that do not match (differently from the taken ones).
  if (kind !== 'desk') {
    return answer.resources;
  }
  return answer.resources.filter((r) => (!state.zone || r.zoneId === state.zone)
    && state.features.every((feature) => r.features.includes(feature)));
}

/** Shows an answer (or, without one, the problem instead) under the results heading. */
export function showResults(f, answer, problem) {
  const { t, kind, results, count } = f;
  const heading = h('h2', { id: 'results-heading' }, t(kind === 'desk' ? 'find.results' : kind === 'room'
    ? 'rooms.results' : 'vehicles.results'));
  if (!answer) {
    count.textContent = '';
    results.replaceChildren(heading, problem);
    return;
  }
  const found = matching(f, answer);
  const countText = plural(t, `count.${kind === 'vehicle' ? f.resourceType() : kind}`, found.length);
  count.textContent = countText;
  const parts = [heading, count];
  if (kind === 'desk') {
    parts.push(viewSwitch(f));
  }
  if (!found.length) {
    parts.push(h('p', { class: 'empty' }, t('find.nothing')));
  }
  if (kind === 'desk' && f.view === 'map') {
    parts.push(deskMap(f, answer, found));
  } else if (found.length) {
    parts.push(h('ul', { class: 'plain cards', id: 'result-list' }, found.map((r) => resultItem(f, r))));
  }
  results.replaceChildren(...parts);
}

function viewSwitch(f) {
  const { t, results } = f;
  const button = (value, label) => h('button', {
    type: 'button', class: 'toggle', 'aria-pressed': String(f.view === value), onclick: () => {
      f.view = value;
      f.showResults(f.lastAnswer);
      results.querySelector(`.view-switch button[aria-pressed=true]`)?.focus();
    },
  }, label);
  return h('div', { class: 'view-switch', role: 'group', 'aria-label': t('find.view') },
    button('list', t('find.list')), button('map', t('find.map')));
}

function resultItem(f, resource) {
  const { t, kind } = f;
  const details = [];
  if (kind === 'desk') {
    details.push(h('p', { class: 'meta' }, icon('pin'), placeName(f.site, resource.floorId, resource.zoneId)
      || f.site.name));
  }
  if (kind === 'room') {
    details.push(h('p', { class: 'meta' }, icon('people'), t('rooms.seats', { count: resource.capacity }),
      resource.floorId ? ` · ${placeName(f.site, resource.floorId, null)}` : ''));
  }
  if (kind === 'vehicle') {
    details.push(chargeLine(t, resource));
  }
  if (resource.features.length) {
    details.push(h('p', { class: 'features' }, resource.features.map((f) => h('span', { class: 'chip' }, t(`feature.${f}`)))));
  }
  return h('li', { class: 'card' },
    h('div', { class: 'card-head' }, icon(f.resourceType(), 'type-icon'), h('h3', {}, resource.name)),
    ...details,
    h('div', { class: 'button-row' }, h('button', {
      type: 'button', class: 'primary choose', onclick: () => f.choose(resource),
    }, t('find.choose'), h('span', { class: 'visually-hidden' }, ` ${resource.name}`))));
}

/** A vehicle's charge at pick-up as the server expects it, its charge now, and its range. */
export function chargeLine(t, vehicle) {
  const lines = [];
  if (vehicle.rangeKm) {
    lines.push(t('vehicles.range', { km: vehicle.rangeKm }));
  }
  let charge;
  const known = (value) => value !== undefined && value !== null;
  if (known(vehicle.expectedSoc) && known(vehicle.soc) && vehicle.soc !== vehicle.expectedSoc) {
    charge = t('vehicles.expectedNow', { soc: vehicle.expectedSoc, now: vehicle.soc });
  } else if (known(vehicle.expectedSoc)) {
    charge = t('vehicles.expected', { soc: vehicle.expectedSoc });
  } else if (known(vehicle.soc)) {
    charge = t('vehicles.now', { soc: vehicle.soc });
  } else {
    charge = t('vehicles.unknown');
  }
  return h('p', { class: 'meta charge' }, icon('battery'), h('span', { class: 'soc' }, charge),
    lines.length ? ` · ${lines.join(' · ')}` : '');
}

// ---- the floor map ---------------------------------------------------------------------------------------
