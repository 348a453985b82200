// Home: today's bookings with Check in, the usual desk in one tap, what is coming up, and the ways to book.

import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';
import { icon, notice, loading } from './ui.js';
import * as data from './data.js';
import { attemptBooking, bookingItem } from './booking.js';

export default {
  name: 'home',
  title: 'home.title',
  nav: 'home',
  async render(ctx, root) {
    const { t } = ctx;
    const account = ctx.account;
    const nowMs = data.now();
    // The greeting goes by the clock where the person works; Amsterdam and Berlin share one.
    const zone = 'Europe/Amsterdam';
    const hour = Number(data.localTime(nowMs, zone).slice(0, 2));
    const greeting = hour < 12 ? 'home.morning' : hour < 18 ? 'home.afternoon' : 'home.evening';
    const todayList = h('ul', { class: 'plain cards', id: 'today-bookings' });
    const nextList = h('ul', { class: 'plain cards', id: 'next-bookings' });
    const todaySection = h('section', { 'aria-labelledby': 'today-heading' },
      h('h2', { id: 'today-heading' }, t('home.today')), loading(t), todayList);
    const nextSection = h('section', { 'aria-labelledby': 'next-heading' },
      h('h2', { id: 'next-heading' }, t('home.next')), nextList,
      h('p', {}, h('a', { href: '/bookings', 'data-link': true }, t('home.allBookings'))));
    root.append(...[
      h('h1', {}, t(greeting, { name: String(account.displayName).split(' ')[0] })),
      todaySection,
      usualDesk(account, ctx),
      nextSection,
      h('section', { 'aria-labelledby': 'book-heading' },
        h('h2', { id: 'book-heading' }, t('home.book')),
        h('div', { class: 'quick-actions' },
          quick('/find', 'desk', t('home.bookDesk')),
          quick('/rooms', 'room', t('home.bookRoom')),
          quick('/vehicles', 'ecar', t('home.bookVehicle'))))].filter(Boolean));
    let fills = 0;
    let deskDates = null;
    await fill();

    /** The usual desk is offered only for a day without a desk yet (one desk per person at a time). */
    function updateUsualButtons() {
      if (!deskDates) {
        return;
      }
      for (const button of root.querySelectorAll('.usual button[data-date]')) {
        button.hidden = deskDates.has(button.dataset.date);
      }
      const row = root.querySelector('.usual .button-row');
      if (row) {
        row.hidden = [...row.querySelectorAll('button')].every((b) => b.hidden);
        root.querySelector('.usual .usual-done').hidden = !row.hidden;
      }
    }

    async function fill() {
      const mine = ++fills;
      let list;
      try {
        const from = new Date(nowMs - 24 * 3600 * 1000).toISOString();
        const to = new Date(nowMs + 60 * 24 * 3600 * 1000).toISOString();
        list = (await api(`/api/v1/bookings?username=${encodeURIComponent(account.username)}`
          + `&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=100`)).bookings;
      } catch (error) {
        ctx.handleAuth(error);
        todaySection.querySelector('.loading')?.remove();
        todayList.replaceChildren(h('li', {}, notice('error', null, h('p', {}, explainProblem(error, t)))));
        return;
      }
      if (mine !== fills || !ctx.alive()) {
        return;
      }
      todaySection.querySelector('.loading')?.remove();
      const current = data.now();
      const active = list.filter((b) => data.isActive(b, current));
      const sitesList = await data.sites();
      const todayOf = (b) => data.localDate(current, sitesList.find((s) => s.id === b.siteId)?.timeZone || zone);
      const today = active.filter((b) => data.bookingDate(b) === todayOf(b));
      deskDates = new Set(active.filter((b) => b.resourceType === 'desk').map((b) => data.bookingDate(b)));
      updateUsualButtons();
      const later = active.filter((b) => data.bookingDate(b) > todayOf(b)).slice(0, 3);
      const refresh = () => fill();
      if (today.length) {
        todayList.replaceChildren(...await Promise.all(today.map((b) => bookingItem(b, ctx, { onChange: refresh }))));
      } else {
        todayList.replaceChildren(h('li', { class: 'empty' }, t('home.nothingToday'), ' ',
          h('a', { href: '/find', 'data-link': true }, t('home.findDesk'))));
      }
      if (later.length) {
        nextList.replaceChildren(...await Promise.all(later.map((b) => bookingItem(b, ctx, { onChange: refresh }))));
      } else {
        nextList.replaceChildren(h('li', { class: 'empty' }, t('home.nothingNext')));
      }
    }

    function usualDesk(me, ctxt) {
      const desk = me.usualDesk;
      if (!desk) {
        return null;
      }
      const feedback = h('div', { class: 'feedback', tabindex: '-1' });
      const section = h('section', { 'aria-labelledby': 'usual-heading', class: 'usual' },
        h('h2', { id: 'usual-heading' }, t('home.usual')));
      data.site(desk.siteId).then((siteInfo) => {
        const tz = siteInfo?.timeZone || zone;
        const current = data.now();
        const today = data.localDate(current, tz);
        const hours = data.hoursOn(siteInfo, today);
        const openToday = hours && data.localTime(current, tz) < hours.closes;
        // Booked: today's list and what is coming up show it too.
        const book = async (date, part) => {
          await attemptBooking({ resourceId: desk.resourceId, date, part }, ctxt, feedback,
            { name: desk.name, siteInfo, onBooked: () => fill() });
          feedback.focus();
        };
        section.append(
          h('p', { class: 'meta' }, icon('star'), t('home.usualDesk', { name: desk.name, site: siteInfo?.name || desk.siteId })),
          h('div', { class: 'button-row' },
            openToday ? h('button', { type: 'button', class: 'primary', id: 'usual-today', dataset: { date: today },
              onclick: () => book(today, data.currentDayPart(current, tz)) }, t('home.usualToday')) : null,
            h('button', { type: 'button', class: openToday ? 'secondary' : 'primary', id: 'usual-tomorrow',
              dataset: { date: data.addDays(today, 1) },
              onclick: () => book(data.addDays(today, 1), 'day') }, t('home.usualTomorrow'))),
          h('p', { class: 'hint usual-done', hidden: true }, t('home.usualDone')),
          feedback);
        updateUsualButtons();
      });
      return section;
    }
  },
};

function quick(href, iconName, label) {
  return h('a', { href, 'data-link': true, class: 'quick' }, icon(iconName), h('span', {}, label));
}
