// Finding and booking: a desk by date and day part (a list and a floor map), a room by time slot, attendees and
// equipment, and an e-bike or e-car by trip, with the charge it is expected to have at pick-up. Booking takes two
// taps: choose, then confirm. The choices are kept in the address, so a reload or a shared link shows the same.
// This module holds one search (the finder) together; its parts are find-choices, find-controls, find-results and
// find-map.

import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';
import { icon, notice, confirmDialog } from './ui.js';
import * as data from './data.js';
import { attemptBooking, placeName, whenLabel } from './booking.js';
import { initialChoices, keepInAddress, resourceType } from './find-choices.js';
import { drawControls } from './find-controls.js';
import { chargeLine, showResults } from './find-results.js';

export const findDesk = { name: 'find', title: 'find.title', nav: 'book', render: (ctx, root) => render(ctx, root, 'desk') };
export const findRoom = { name: 'rooms', title: 'rooms.title', nav: 'book', render: (ctx, root) => render(ctx, root, 'room') };
export const findVehicle = {
  name: 'vehicles', title: 'vehicles.title', nav: 'book', render: (ctx, root) => render(ctx, root, 'vehicle'),
};

const TITLES = { desk: 'find.title', room: 'rooms.title', vehicle: 'vehicles.title' };
const SEARCH_BUTTONS = { desk: 'find.search', room: 'rooms.search', vehicle: 'vehicles.search' };

async function render(ctx, root, kind) {
  const { t, query } = ctx;
  let tabs = h('div', {});
  root.append(h('h1', {}, t(TITLES[kind])), tabs);
  const [sites, policies] = await Promise.all([data.sites(), data.policies()]);
  const site = sites.find((s) => s.id === query.get('site'))
    || sites.find((s) => s.id === ctx.account.homeSiteId) || sites[0];
  const feedback = h('div', { class: 'feedback', id: 'booking-feedback', tabindex: '-1' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });
  const controls = h('div', { class: 'controls' });
  const form = h('form', {
    class: 'search-form',
    onsubmit: async (e) => {
      e.preventDefault();
      await finder.search();
      const heading = document.getElementById('results-heading');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    },
  }, controls, h('button', { type: 'submit', class: 'primary wide' }, t(SEARCH_BUTTONS[kind])));
  const freshTabs = kindTabs(ctx, kind, site?.id);
  tabs.replaceWith(freshTabs);
  tabs = freshTabs;
  root.append(form, feedback, results);
  if (!site) {
    results.append(notice('info', null, h('p', {}, t('find.noSites'))));
    return;
  }

  let searchCount = 0;
  /** One search: what the parts read (the site, the choices, the last answer) and what they may ask for. */
  const finder = {
    ctx, t, kind, sites, policies, site, controls, results, feedback,
    count: h('p', { class: 'count', id: 'result-count', role: 'status' }),
    state: initialChoices(kind, site, query),
    view: 'list',
    mapFloor: query.get('floor'),
    moreOpen: false,
    lastAnswer: null,
    resourceType: () => resourceType(kind, finder.state),
    drawControls: () => drawControls(finder),
    showResults: (answer, problem) => showResults(finder, answer, problem),
    search,
    choose,
    changeSite(chosen) {
      finder.site = chosen;
      const again = kindTabs(ctx, kind, chosen.id);
      tabs.replaceWith(again);
      tabs = again;
      finder.state.zone = '';
      finder.mapFloor = null;
      finder.state.date = data.nextOpenDate(chosen, data.localDate(data.now(), chosen.timeZone), data.now());
      finder.drawControls();
      search();
    },
  };
  finder.drawControls();
  await search();

  async function search() {
    const { state } = finder;
    keepInAddress(kind, finder.site, state);
    const mine = ++searchCount;
    const params = new URLSearchParams({ siteId: finder.site.id, type: finder.resourceType() });
    if (kind === 'desk') {
      params.set('date', state.date);
      params.set('part', state.part);
    } else {
      if (!state.start || !state.end) {
        finder.showResults(null, notice('info', null, h('p', {}, t('find.closedThatDay'))));
        return;
      }
      params.set('start', data.zonedDateTime(state.date, state.start, finder.site.timeZone));
      params.set('end', data.zonedDateTime(state.date, state.end, finder.site.timeZone));
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
      const all = kind === 'desk' ? await data.resources(finder.site.id, 'desk') : null;
      if (mine !== searchCount || !ctx.alive()) {
        return;
      }
      finder.lastAnswer = { ...answer, all };
      finder.showResults(finder.lastAnswer);
    } catch (error) {
      ctx.handleAuth(error);
      if (mine === searchCount) {
        finder.showResults(null, notice(error.status === 422 ? 'info' : 'error', null, h('p', {}, explainProblem(error, t))));
      }
    } finally {
      if (mine === searchCount) {
        results.removeAttribute('aria-busy');
      }
    }
  }

  async function choose(resource) {
    const { state, site: where } = finder;
    const request = { resourceId: resource.id };
    if (kind === 'desk') {
      request.date = state.date;
      request.part = state.part;
    } else {
      request.start = data.zonedDateTime(state.date, state.start, where.timeZone);
      request.end = data.zonedDateTime(state.date, state.end, where.timeZone);
      if (kind === 'room') {
        request.attendees = state.attendees;
      }
    }
    const lines = [
      h('p', { class: 'confirm-what' }, icon(finder.resourceType()), h('strong', {}, resource.name)),
      h('p', {}, whenLabel(request, ctx, where.timeZone)),
      h('p', {}, [where.name, placeName(where, resource.floorId, resource.zoneId)].filter(Boolean).join(' · ')),
    ];
    if (kind === 'room') {
      lines.push(h('p', {}, t('rooms.forAttendees', { count: state.attendees })));
    }
    if (kind === 'vehicle') {
      lines.push(chargeLine(t, resource));
    }
    const sure = await confirmDialog({
      title: t('find.confirmTitle'), lines, confirm: t('find.confirm'), cancel: t('find.back'),
    });
    if (!sure) {
      return;
    }
    // Booked (here or through an alternative) or refused: the list may be out of date either way.
    const booking = await attemptBooking(request, ctx, feedback, { name: resource.name, siteInfo: where, onBooked: () => search() });
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
