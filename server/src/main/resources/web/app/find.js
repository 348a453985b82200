// Finding and booking: a desk by date and day part (a list and a floor map), a room by time slot, attendees and
// equipment, and an e-bike or e-car by trip, with the charge it is expected to have at pick-up. Booking takes two
// taps: choose, then confirm. The choices are kept in the address, so a reload or a shared link shows the same.

import { api } from '/assets/api.js';
import { h, svg } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';
import { icon, iconPath, notice, confirmDialog, field, select, radioGroup, checkboxGroup } from './ui.js';
import * as data from './data.js';
import { plural } from '/assets/i18n.js';
import { attemptBooking, placeName, whenLabel } from './booking.js';

const FEATURES = {
  desk: ['standing', 'dual-monitor', 'docking', 'quiet', 'wheelchair-accessible'],
  room: ['screen', 'video-conferencing', 'accessible', 'whiteboard'],
  ebike: ['child-seat', 'cargo'],
  ecar: ['tow-hitch', 'wheelchair-accessible'],
};

export const findDesk = { name: 'find', title: 'find.title', nav: 'book', render: (ctx, root) => render(ctx, root, 'desk') };
export const findRoom = { name: 'rooms', title: 'rooms.title', nav: 'book', render: (ctx, root) => render(ctx, root, 'room') };
export const findVehicle = {
  name: 'vehicles', title: 'vehicles.title', nav: 'book', render: (ctx, root) => render(ctx, root, 'vehicle'),
};

async function render(ctx, root, kind) {
  const { t, query } = ctx;
  const account = ctx.account;
  const title = { desk: 'find.title', room: 'rooms.title', vehicle: 'vehicles.title' }[kind];
  const tabs = h('div', {});
  root.append(h('h1', {}, t(title)), tabs);
  const [sitesList, policyMap] = await Promise.all([data.sites(), data.policies()]);
  const wantedSite = query.get('site');
  let siteInfo = sitesList.find((s) => s.id === wantedSite)
    || sitesList.find((s) => s.id === account.homeSiteId) || sitesList[0];
  const feedback = h('div', { class: 'feedback', id: 'booking-feedback', tabindex: '-1' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });
  const count = h('p', { class: 'count', id: 'result-count', role: 'status' });
  const controls = h('div', { class: 'controls' });
  const form = h('form', {
    class: 'search-form',
    onsubmit: async (e) => {
      e.preventDefault();
      await search();
      const heading = document.getElementById('results-heading');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    },
  }, controls,
    h('button', { type: 'submit', class: 'primary wide' }, t({ desk: 'find.search', room: 'rooms.search', vehicle: 'vehicles.search' }[kind])));
  let tabsNow = kindTabs(ctx, kind, siteInfo?.id);
  tabs.replaceWith(tabsNow);
  root.append(form, feedback, results);
  if (!siteInfo) {
    results.append(notice('info', null, h('p', {}, t('find.noSites'))));
    return;
  }

  // ---- the choices -----------------------------------------------------------------------------------------
  const state = initialState();
  let lastAnswer = null;
  let view = 'list';
  let mapFloor = query.get('floor');
  let searchCount = 0;
  let moreOpen = false;
  buildControls();
  await search();

  function initialState() {
    const nowMs = data.now();
    const today = data.localDate(nowMs, siteInfo.timeZone);
    const date = validDate(query.get('date')) || data.nextOpenDate(siteInfo, today, nowMs);
    const s = {
      date,
      part: ['day', 'morning', 'afternoon'].includes(query.get('part')) ? query.get('part')
        : date === today ? data.currentDayPart(nowMs, siteInfo.timeZone) : 'day',
      zone: query.get('zone') || '',
      features: (query.get('features') || '').split(',').filter((f) => f),
      attendees: Math.max(1, Number(query.get('attendees')) || 2),
      type: query.get('type') === 'ebike' ? 'ebike' : 'ecar',
      start: validTime(query.get('start')),
      end: validTime(query.get('end')),
    };
    if (kind === 'vehicle' && !query.get('type')) {
      s.type = 'ebike';
    }
    return s;
  }

  function resourceType() {
    return kind === 'vehicle' ? state.type : kind;
  }

  function buildControls() {
    const nowMs = data.now();
    const today = data.localDate(nowMs, siteInfo.timeZone);
    const maxAhead = policyMap[resourceType()]?.maxDaysAhead ?? (kind === 'desk' ? 14 : 30);
    const siteSelect = select('site', sitesList.map((s) => ({ value: s.id, label: s.name })), siteInfo.id);
    siteSelect.addEventListener('change', () => {
      siteInfo = sitesList.find((s) => s.id === siteSelect.value);
      const freshTabs = kindTabs(ctx, kind, siteInfo.id);
      tabsNow.replaceWith(freshTabs);
      tabsNow = freshTabs;
      state.zone = '';
      mapFloor = null;
      state.date = data.nextOpenDate(siteInfo, data.localDate(data.now(), siteInfo.timeZone), data.now());
      buildControls();
      search();
    });
    const dateInput = h('input', {
      id: 'date', name: 'date', type: 'date', value: state.date, min: today, max: data.addDays(today, maxAhead),
      required: true,
    });
    dateInput.addEventListener('change', () => {
      if (validDate(dateInput.value)) {
        state.date = dateInput.value;
        if (kind !== 'desk') {
          state.start = null;
          state.end = null;
          buildControls();
        }
        search();
      }
    });
    const parts = [siteSelectField(siteSelect), field(t('find.date'), dateInput, openingHint())];
    // Zone and features fold away, so on a phone the free desks are close below the date and day part.
    const more = [];
    if (kind === 'desk') {
      parts.push(radioGroup('part', t('find.part'), ['day', 'morning', 'afternoon'].map((p) => ({
        value: p, label: t(`part.${p}`),
      })), state.part, (e) => { state.part = e.target.value; search(); }));
      more.push(zoneField());
    }
    if (kind === 'vehicle') {
      parts.push(radioGroup('vehicle-type', t('vehicles.type'), ['ebike', 'ecar'].map((v) => ({
        value: v, label: t(`type.${v}`),
      })), state.type, (e) => {
        state.type = e.target.value;
        state.features = [];
        buildControls();
        search();
      }));
    }
    if (kind !== 'desk') {
      parts.push(...timeFields());
    }
    if (kind === 'room') {
      const attendees = h('input', {
        id: 'attendees', name: 'attendees', type: 'number', min: '1', max: '1000', value: String(state.attendees),
        inputmode: 'numeric',
      });
      attendees.addEventListener('change', () => {
        const value = Number(attendees.value);
        if (Number.isInteger(value) && value >= 1) {
          state.attendees = value;
          search();
        }
      });
      parts.push(field(t('rooms.attendees'), attendees));
    }
    const options = FEATURES[resourceType()].map((f) => ({ value: f, label: t(`feature.${f}`) }));
    more.push(checkboxGroup('features', t(kind === 'room' ? 'rooms.equipment' : 'find.features'), options,
      state.features, () => {
        state.features = [...controls.querySelectorAll('input[name=features]:checked')].map((i) => i.value);
        search();
      }));
    const chosen = state.features.length + (state.zone ? 1 : 0);
    const details = h('details', { class: 'more-choices', open: moreOpen || chosen > 0 },
      h('summary', {}, t(kind === 'desk' ? 'find.moreDesk' : kind === 'room' ? 'rooms.more' : 'find.more'),
        chosen ? h('span', { class: 'chosen' }, ` (${t('find.chosen', { count: chosen })})`) : null),
      ...more);
    details.addEventListener('toggle', () => { moreOpen = details.open; });
    parts.push(details);
    // The controls are drawn again (another site has other zones and hours); the one in use keeps the focus.
    const active = document.activeElement;
    const again = active && controls.contains(active)
      ? (active.id ? `#${active.id}` : `input[name="${active.name}"][value="${active.value}"]`) : null;
    controls.replaceChildren(...parts);
    if (again) {
      controls.querySelector(again)?.focus();
    }
  }

  function siteSelectField(siteSelect) {
    return field(t('find.site'), siteSelect);
  }

  function openingHint() {
    const hours = data.hoursOn(siteInfo, state.date);
    return hours ? t('find.openHours', { opens: hours.opens, closes: hours.closes })
      : t('find.closedThatDay');
  }

  function zoneField() {
    const options = [{ value: '', label: t('find.anyZone') }];
    const mine = teamZone();
    if (mine) {
      options.push({ value: mine.id, label: t('find.nearTeam', { zone: mine.name }) });
    }
    for (const floor of siteInfo.floors || []) {
      for (const zone of floor.zones || []) {
        if (!mine || zone.id !== mine.id) {
          options.push({ value: zone.id, label: `${floor.name} · ${zone.name}` });
        }
      }
    }
    if (!options.some((o) => o.value === state.zone)) {
      state.zone = '';
    }
    const zoneSelect = select('zone', options, state.zone);
    zoneSelect.addEventListener('change', () => { state.zone = zoneSelect.value; search(); });
    return field(t('find.zone'), zoneSelect, mine ? null : t('find.noTeamZone'));
  }

  function teamZone() {
    if (!account.department) {
      return null;
    }
    for (const floor of siteInfo.floors || []) {
      const zone = (floor.zones || []).find((z) => z.team === account.department);
      if (zone) {
        return zone;
      }
    }
    return null;
  }

  function timeFields() {
    const hours = data.hoursOn(siteInfo, state.date);
    if (!hours) {
      return [];
    }
    const nowMs = data.now();
    const isToday = state.date === data.localDate(nowMs, siteInfo.timeZone);
    const times = data.quarterHours(hours.opens, hours.closes);
    const nowTime = data.localTime(nowMs, siteInfo.timeZone);
    const startTimes = times.slice(0, -1).filter((time) => !isToday || time >= nowTime
      || time === times.filter((x) => x <= nowTime).pop());
    if (!startTimes.length) {
      return [h('p', { class: 'hint' }, t('find.closedNow'))];
    }
    const defaultLength = kind === 'room' ? 4 : 8;
    if (!state.start || !startTimes.includes(state.start)) {
      const preferred = isToday ? startTimes.find((x) => x >= nowTime) || startTimes[0] : '09:00';
      state.start = startTimes.includes(preferred) ? preferred : startTimes[0];
    }
    const endTimes = () => times.filter((time) => time > state.start);
    if (!state.end || !endTimes().includes(state.end)) {
      const ends = endTimes();
      state.end = ends[Math.min(defaultLength - 1, ends.length - 1)];
    }
    const startSelect = select('start', startTimes.map((x) => ({ value: x, label: x })), state.start);
    const endSelect = select('end', endTimes().map((x) => ({ value: x, label: x })), state.end);
    startSelect.addEventListener('change', () => {
      state.start = startSelect.value;
      if (state.end <= state.start) {
        state.end = null;
      }
      buildControls();
      search();
    });
    endSelect.addEventListener('change', () => { state.end = endSelect.value; search(); });
    const labels = kind === 'room' ? ['rooms.start', 'rooms.end'] : ['vehicles.start', 'vehicles.end'];
    return [h('div', { class: 'field-pair' }, field(t(labels[0]), startSelect), field(t(labels[1]), endSelect))];
  }

  // ---- searching -------------------------------------------------------------------------------------------
  function keepInAddress() {
    const params = new URLSearchParams({ site: siteInfo.id, date: state.date });
    if (kind === 'desk') {
      params.set('part', state.part);
      if (state.zone) {
        params.set('zone', state.zone);
      }
    } else {
      if (state.start) {
        params.set('start', state.start);
        params.set('end', state.end);
      }
      if (kind === 'room') {
        params.set('attendees', String(state.attendees));
      } else {
        params.set('type', state.type);
      }
    }
    if (state.features.length) {
      params.set('features', state.features.join(','));
    }
    history.replaceState(null, '', `${location.pathname}?${params}`);
  }

  async function search() {
    keepInAddress();
    const mine = ++searchCount;
    const params = new URLSearchParams({ siteId: siteInfo.id, type: resourceType() });
    if (kind === 'desk') {
      params.set('date', state.date);
      params.set('part', state.part);
    } else {
      if (!state.start || !state.end) {
        showResults(null, notice('info', null, h('p', {}, t('find.closedThatDay'))));
        return;
      }
      params.set('start', data.zonedDateTime(state.date, state.start, siteInfo.timeZone));
      params.set('end', data.zonedDateTime(state.date, state.end, siteInfo.timeZone));
      if (state.features.length) {
        params.set('features', state.features.join(','));
      }
      if (kind === 'room') {
        params.set('minCapacity', String(state.attendees));
      }
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const answer = await api(`/api/v1/availability?${params}`);
      const all = kind === 'desk' ? await data.resources(siteInfo.id, 'desk') : null;
      if (mine !== searchCount || !ctx.alive()) {
        return;
      }
      lastAnswer = { ...answer, all };
      showResults(lastAnswer);
    } catch (error) {
      ctx.handleAuth(error);
      if (mine === searchCount) {
        showResults(null, notice(error.status === 422 ? 'info' : 'error', null, h('p', {}, explainProblem(error, t))));
      }
    } finally {
      if (mine === searchCount) {
        results.removeAttribute('aria-busy');
      }
    }
  }

  function matching(answer) {
    // Desks: the server answers every free desk; zone and features are applied here, so the map can also show the
    // free desks that do not match (differently from the taken ones).
    if (kind !== 'desk') {
      return answer.resources;
    }
    return answer.resources.filter((r) => (!state.zone || r.zoneId === state.zone)
      && state.features.every((f) => r.features.includes(f)));
  }

  function showResults(answer, problem) {
    const heading = h('h2', { id: 'results-heading' }, t(kind === 'desk' ? 'find.results' : kind === 'room'
      ? 'rooms.results' : 'vehicles.results'));
    if (!answer) {
      count.textContent = '';
      results.replaceChildren(heading, problem);
      return;
    }
    const found = matching(answer);
    const countText = plural(t, `count.${kind === 'vehicle' ? resourceType() : kind}`, found.length);
    count.textContent = countText;
    const parts = [heading, count];
    if (kind === 'desk') {
      parts.push(viewSwitch());
    }
    if (!found.length) {
      parts.push(h('p', { class: 'empty' }, t('find.nothing')));
    }
    if (kind === 'desk' && view === 'map') {
      parts.push(floorMap(answer, found));
    } else if (found.length) {
      parts.push(h('ul', { class: 'plain cards', id: 'result-list' }, found.map((r) => resultItem(r))));
    }
    results.replaceChildren(...parts);
  }

  function viewSwitch() {
    const button = (value, label) => h('button', {
      type: 'button', class: 'toggle', 'aria-pressed': String(view === value), onclick: () => {
        view = value;
        showResults(lastAnswer);
        results.querySelector(`.view-switch button[aria-pressed=true]`)?.focus();
      },
    }, label);
    return h('div', { class: 'view-switch', role: 'group', 'aria-label': t('find.view') },
      button('list', t('find.list')), button('map', t('find.map')));
  }

  function resultItem(resource) {
    const details = [];
    if (kind === 'desk') {
      details.push(h('p', { class: 'meta' }, icon('pin'), placeName(siteInfo, resource.floorId, resource.zoneId)
        || siteInfo.name));
    }
    if (kind === 'room') {
      details.push(h('p', { class: 'meta' }, icon('people'), t('rooms.seats', { count: resource.capacity }),
        resource.floorId ? ` · ${placeName(siteInfo, resource.floorId, null)}` : ''));
    }
    if (kind === 'vehicle') {
      details.push(chargeLine(resource));
    }
    if (resource.features.length) {
      details.push(h('p', { class: 'features' }, resource.features.map((f) => h('span', { class: 'chip' }, t(`feature.${f}`)))));
    }
    return h('li', { class: 'card' },
      h('div', { class: 'card-head' }, icon(resourceType(), 'type-icon'), h('h3', {}, resource.name)),
      ...details,
      h('div', { class: 'button-row' }, h('button', {
        type: 'button', class: 'primary choose', onclick: () => choose(resource),
      }, t('find.choose'), h('span', { class: 'visually-hidden' }, ` ${resource.name}`))));
  }

  function chargeLine(vehicle) {
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
  function floorMap(answer, found) {
    const freeIds = new Set(answer.resources.map((r) => r.id));
    const matchIds = new Set(found.map((r) => r.id));
    const placed = answer.all.filter((r) => r.position && r.floorId);
    const floors = (siteInfo.floors || []).filter((f) => placed.some((r) => r.floorId === f.id));
    if (!floors.length) {
      return h('p', { class: 'empty' }, t('find.noMap'));
    }
    if (!floors.some((f) => f.id === mapFloor)) {
      // Open the floor with the most matching desks.
      const best = floors.map((f) => [f, found.filter((r) => r.floorId === f.id).length]).sort((a, b) => b[1] - a[1]);
      mapFloor = best[0][0].id;
    }
    const floor = floors.find((f) => f.id === mapFloor);
    const desks = placed.filter((r) => r.floorId === floor.id);
    const xs = desks.map((r) => r.position.x);
    const ys = desks.map((r) => r.position.y);
    // The bounding box of the floor's desks, at least 14 × 7 m, so a small floor is not drawn with giant markers.
    const pad = 2.2;
    const width = Math.max(Math.max(...xs) - Math.min(...xs) + 2 * pad, 14);
    const height = Math.max(Math.max(...ys) - Math.min(...ys) + 2 * pad + 1, 7);
    const x0 = (Math.min(...xs) + Math.max(...xs)) / 2 - width / 2;
    const y0 = (Math.min(...ys) + Math.max(...ys)) / 2 - height / 2 - 0.5;
    const drawing = svg('svg', {
      class: 'floor-map', viewBox: `${x0} ${y0} ${width} ${height}`, role: 'group',
      'aria-label': t('find.mapOf', { floor: floor.name }),
    });
    drawing.append(svg('rect', { x: x0, y: y0, width, height, class: 'floor' }));
    for (const zone of floor.zones || []) {
      const inZone = desks.filter((r) => r.zoneId === zone.id);
      if (!inZone.length) {
        continue;
      }
      // Room for the name above the desks and the desk numbers below, less than the 4 m between desk rows.
      const zx = Math.min(...inZone.map((r) => r.position.x)) - 1.5;
      const zy = Math.min(...inZone.map((r) => r.position.y)) - 1.85;
      // Wide enough for its name (about half an em per character at 0.75 m type).
      const zw = Math.max(Math.max(...inZone.map((r) => r.position.x)) - zx + 1.5, zone.name.length * 0.42 + 0.8);
      const zh = Math.max(...inZone.map((r) => r.position.y)) - zy + 1.9;
      drawing.append(svg('rect', { x: zx, y: zy, width: zw, height: zh, rx: 0.4, class: `zone${zone.id === state.zone ? ' zone-chosen' : ''}` }),
        svg('text', { x: zx + 0.3, y: zy + 0.78, class: 'zone-label', 'aria-hidden': 'true' }, zone.name));
    }
    for (const desk of desks) {
      const free = freeIds.has(desk.id);
      const match = matchIds.has(desk.id);
      const stateName = match ? 'free' : free ? 'other' : 'taken';
      const label = `${desk.name}: ${t(`map.${stateName}`)}`;
      const { x, y } = desk.position;
      const mark = svg('g', {
        class: `desk desk-${stateName}`, transform: `translate(${x} ${y})`,
        'data-resource-id': desk.id,
        ...(match ? { role: 'button', tabindex: '0', 'aria-label': label } : { role: 'img', 'aria-label': label }),
      },
      svg('title', {}, label),
      svg('circle', { r: 0.95 }),
      svg('path', { d: iconPath(match ? 'check' : free ? 'info' : 'cross'), transform: 'translate(-0.66 -0.66) scale(0.055)' }),
      svg('text', { y: 1.58, class: 'desk-label', 'aria-hidden': 'true' }, shortName(desk.name)));
      if (match) {
        mark.addEventListener('click', () => choose(desk));
        mark.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            choose(desk);
          }
        });
      }
      drawing.append(mark);
    }
    const unplaced = found.filter((r) => !r.position).length;
    const parts = [];
    if (floors.length > 1) {
      const floorSelect = select('map-floor', floors.map((f) => ({ value: f.id, label: f.name })), floor.id);
      floorSelect.addEventListener('change', () => {
        mapFloor = floorSelect.value;
        showResults(lastAnswer);
        document.getElementById('map-floor')?.focus();
      });
      parts.push(field(t('find.floor'), floorSelect));
    } else {
      parts.push(h('h3', { class: 'map-floor-name' }, floor.name));
    }
    parts.push(h('div', { class: 'map-frame' }, drawing));
    parts.push(h('ul', { class: 'legend plain', 'aria-label': t('map.legend') },
      h('li', {}, h('span', { class: 'legend-mark desk-free' }, icon('check')), t('map.free')),
      h('li', {}, h('span', { class: 'legend-mark desk-other' }, icon('info')), t('map.other')),
      h('li', {}, h('span', { class: 'legend-mark desk-taken' }, icon('cross')), t('map.taken'))));
    if (unplaced) {
      parts.push(h('p', { class: 'hint' }, t('find.unplaced', { count: unplaced })));
    }
    return h('div', { class: 'map', id: 'floor-map' }, ...parts);
  }

  // ---- choose, confirm, book --------------------------------------------------------------------------------
  async function choose(resource) {
    const request = { resourceId: resource.id };
    if (kind === 'desk') {
      request.date = state.date;
      request.part = state.part;
    } else {
      request.start = data.zonedDateTime(state.date, state.start, siteInfo.timeZone);
      request.end = data.zonedDateTime(state.date, state.end, siteInfo.timeZone);
      if (kind === 'room') {
        request.attendees = state.attendees;
      }
    }
    const lines = [
      h('p', { class: 'confirm-what' }, icon(resourceType()), h('strong', {}, resource.name)),
      h('p', {}, whenLabel(request, ctx, siteInfo.timeZone)),
      h('p', {}, [siteInfo.name, placeName(siteInfo, resource.floorId, resource.zoneId)].filter(Boolean).join(' · ')),
    ];
    if (kind === 'room') {
      lines.push(h('p', {}, t('rooms.forAttendees', { count: state.attendees })));
    }
    if (kind === 'vehicle') {
      lines.push(chargeLine(resource));
    }
    const sure = await confirmDialog({
      title: t('find.confirmTitle'), lines, confirm: t('find.confirm'), cancel: t('find.back'),
    });
    if (!sure) {
      return;
    }
    // Booked (here or through an alternative) or refused: the list may be out of date either way.
    const booking = await attemptBooking(request, ctx, feedback, { name: resource.name, siteInfo, onBooked: () => search() });
    feedback.focus();
    if (!booking) {
      search();
    }
  }
}

function kindTabs(ctx, kind, siteId) {
  const suffix = siteId ? `?site=${encodeURIComponent(siteId)}` : '';
  const tab = (value, href, iconName, label) => h('a', {
    href: `${href}${suffix}`, 'data-link': true, class: 'tab', 'aria-current': kind === value ? 'page' : null,
  }, icon(iconName), h('span', {}, label));
  return h('nav', { class: 'tabs', 'aria-label': ctx.t('find.kinds') },
    tab('desk', '/find', 'desk', ctx.t('find.tabDesk')),
    tab('room', '/rooms', 'room', ctx.t('find.tabRoom')),
    tab('vehicle', '/vehicles', 'ecar', ctx.t('find.tabVehicle')));
}

function shortName(name) {
  const parts = String(name).split(' ');
  return parts[parts.length - 1];
}

function validDate(value) {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function validTime(value) {
  return value && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? value : null;
}

