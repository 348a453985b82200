// My bookings: what is coming up (check in, cancel with a confirmation) and what was recent, including cancelled
// and released bookings with the reason.

import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';
import { notice, loading } from './ui.js';
import * as data from './data.js';
import { bookingItem } from './booking.js';

const RECENT_DAYS = 30;

export default {
  name: 'bookings',
  title: 'bookings.title',
  nav: 'bookings',
  async render(ctx, root) {
    const { t } = ctx;
    const upcoming = h('ul', { class: 'plain cards', id: 'upcoming' });
    const recent = h('ul', { class: 'plain cards', id: 'recent' });
    const status = h('div', {});
    root.append(
      h('h1', {}, t('bookings.title')),
      status,
      h('section', { 'aria-labelledby': 'upcoming-heading' }, h('h2', { id: 'upcoming-heading', tabindex: '-1' }, t('bookings.upcoming')), upcoming),
      h('section', { 'aria-labelledby': 'recent-heading' }, h('h2', { id: 'recent-heading' }, t('bookings.recent')), recent),
      h('p', {}, h('a', { href: '/find', 'data-link': true, class: 'button secondary' }, t('home.bookDesk'))));
    await fill();

    async function fill() {
      status.replaceChildren(loading(t));
      const nowMs = data.now();
      const from = new Date(nowMs - RECENT_DAYS * 24 * 3600 * 1000).toISOString();
      const to = new Date(nowMs + 400 * 24 * 3600 * 1000).toISOString();
      let list;
      try {
        // A facility manager would see everyone's bookings without the username: this screen is one's own.
        const account = await data.me();
        list = (await api(`/api/v1/bookings?username=${encodeURIComponent(account.username)}`
          + `&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=500`)).bookings;
      } catch (error) {
        ctx.handleAuth(error);
        status.replaceChildren(notice('error', null, h('p', {}, explainProblem(error, t))));
        return;
      }
      if (!ctx.alive()) {
        return;
      }
      status.replaceChildren();
      const current = data.now();
      const active = list.filter((b) => data.isActive(b, current));
      const past = list.filter((b) => !data.isActive(b, current))
        .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
      const onChange = async () => {
        // The item that had focus is gone; the list's heading takes it, so keyboard users stay in place.
        await fill();
        root.querySelector('#upcoming-heading')?.focus();
      };
      upcoming.replaceChildren(...(active.length
        ? await Promise.all(active.map((b) => bookingItem(b, ctx, { onChange })))
        : [h('li', { class: 'empty' }, t('bookings.noneUpcoming'))]));
      recent.replaceChildren(...(past.length
        ? await Promise.all(past.slice(0, 30).map((b) => bookingItem(b, ctx, { onChange })))
        : [h('li', { class: 'empty' }, t('bookings.noneRecent'))]));
    }
  },
};
