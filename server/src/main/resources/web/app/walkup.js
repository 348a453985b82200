// Walk-up: the screen behind a desk's printed QR code (/d/{resourceId}). With a booking on this desk now: check
// in. Free now: book it for the current day part in one tap (and check in, since the person is standing at it).
// Taken: say so and offer the nearest free desk. Not logged in: the app logs in first and comes back here.

import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';
import { icon, notice, loading, announce } from './ui.js';
import * as data from './data.js';
import { attemptBooking, checkIn, nearest, placeName, whenLabel, statusBadge } from './booking.js';

export default {
  name: 'walkup',
  title: 'walkup.title',
  nav: null,
  async render(ctx, root) {
    const { t } = ctx;
    const heading = h('h1', {}, t('walkup.title'));
    const body = h('div', { id: 'walkup' }, loading(t));
    root.append(heading, body);
    let desk;
    try {
      desk = await api(`/api/v1/resources/${encodeURIComponent(ctx.params.resourceId)}`);
    } catch (error) {
      ctx.handleAuth(error);
      body.replaceChildren(notice('error', t('walkup.unknownTitle'),
        h('p', {}, error.status === 404 ? t('walkup.unknown') : explainProblem(error, t))),
      h('a', { href: '/find', 'data-link': true, class: 'button primary' }, t('home.findDesk')));
      return;
    }
    const siteInfo = await data.site(desk.siteId);
    heading.textContent = desk.name;
    document.title = `${desk.name} – Flexplek`;
    const intro = h('div', { class: 'desk-facts' },
      h('p', { class: 'meta' }, icon('pin'), [siteInfo?.name, placeName(siteInfo, desk.floorId, desk.zoneId)]
        .filter(Boolean).join(' · ')),
      desk.features.length ? h('p', { class: 'features' },
        desk.features.map((f) => h('span', { class: 'chip' }, t(`feature.${f}`)))) : null);
    if (desk.type !== 'desk') {
      body.replaceChildren(intro, notice('info', null, h('p', {}, t('walkup.notDesk'))),
        h('a', { href: desk.type === 'room' ? '/rooms' : '/vehicles', 'data-link': true, class: 'button primary' },
          t(desk.type === 'room' ? 'home.bookRoom' : 'home.bookVehicle')));
      return;
    }
    await show();

    async function show() {
      const feedback = h('div', { class: 'feedback', tabindex: '-1' });
      const nowMs = data.now();
      const zone = siteInfo.timeZone;
      const today = data.localDate(nowMs, zone);
      const [policyMap, mine] = await Promise.all([data.policies(), myBookingsOnDesk(nowMs)]);
      if (!ctx.alive()) {
        return;
      }
      // 1. My own booking on this desk today: check in now, or say when check-in opens.
      const own = mine.find((b) => data.isActive(b, nowMs) && data.bookingDate(b) === today);
      if (own) {
        const parts = [intro, h('p', { class: 'state' }, t('walkup.yours', { when: whenLabel(own, ctx, zone) })),
          h('p', {}, statusBadge(own, ctx))];
        if (own.status === 'checked-in') {
          parts.push(notice('success', t('walkup.checkedIn')));
        } else if (data.canCheckIn(own, policyMap, nowMs)) {
          parts.push(h('button', {
            type: 'button', class: 'primary wide', id: 'walkup-check-in', onclick: async (event) => {
              const button = event.currentTarget;
              button.disabled = true;
              if (await checkIn(own, ctx, feedback, 'qr')) {
                await show();
                body.querySelector('.notice')?.setAttribute('tabindex', '-1');
                body.querySelector('.notice')?.focus();
              } else {
                button.disabled = false;
              }
            },
          }, icon('check'), t('booking.checkIn')));
        } else {
          const opens = (policyMap.desk?.checkInOpensMinutes ?? 15) * 60000;
          parts.push(notice('info', null, h('p', {}, t('walkup.checkInLater', {
            time: data.localTime(Date.parse(own.start) - opens, zone),
          }))));
        }
        parts.push(feedback);
        body.replaceChildren(...parts);
        return;
      }
      // 2. Free now: book it in one tap. 3. Taken: the nearest free desk.
      let part = data.currentDayPart(nowMs, zone);
      let free;
      try {
        free = await freeDesks(today, part);
        if (part === 'day' && !free.some((r) => r.id === desk.id)) {
          const morning = await freeDesks(today, 'morning');
          if (morning.some((r) => r.id === desk.id)) {
            part = 'morning';
            free = morning;
          }
        }
      } catch (error) {
        ctx.handleAuth(error);
        body.replaceChildren(intro, notice('info', t('walkup.notNow'), h('p', {}, explainProblem(error, t))));
        return;
      }
      if (!ctx.alive()) {
        return;
      }
      const onBooked = async (booking) => {
        // Standing at the desk, having scanned its code: check in straight away when the window is open.
        if (data.canCheckIn(booking, policyMap, data.now())) {
          const done = await checkIn(booking, ctx, h('div'), 'qr');
          if (done) {
            const text = t('walkup.bookedAndCheckedIn', { name: booking.resourceName });
            feedback.replaceChildren(notice('success', text,
              h('a', { href: '/bookings', 'data-link': true, class: 'button secondary' }, t('booking.seeMine'))));
            announce(text);
          }
        }
        feedback.focus();
      };
      if (free.some((r) => r.id === desk.id)) {
        const request = { resourceId: desk.id, date: today, part };
        body.replaceChildren(intro,
          h('p', { class: 'state state-free' }, icon('check'), t('walkup.free', { when: t(`walkup.part.${part}`) })),
          h('button', {
            type: 'button', class: 'primary wide', id: 'walkup-book', onclick: async (event) => {
              event.currentTarget.remove();
              await attemptBooking(request, ctx, feedback, { name: desk.name, siteInfo, onBooked, offerCheckIn: false });
              feedback.focus();
            },
          }, t('walkup.bookNow')),
          feedback);
        return;
      }
      const all = await data.resources(desk.siteId, 'desk');
      const here = all.find((r) => r.id === desk.id) || desk;
      const alternative = nearest(here, free)[0];
      const parts = [intro, h('p', { class: 'state state-taken' }, icon('cross'), t('walkup.taken'))];
      if (alternative) {
        parts.push(h('p', {}, t('walkup.nearest')),
          h('button', {
            type: 'button', class: 'primary wide', id: 'walkup-alternative', onclick: async (event) => {
              event.currentTarget.remove();
              await attemptBooking({ resourceId: alternative.id, date: today, part }, ctx, feedback,
                { name: alternative.name, siteInfo, onBooked, offerCheckIn: false });
              feedback.focus();
            },
          }, t('booking.bookInstead', { name: alternative.name }),
          h('span', { class: 'alt-detail' }, ` · ${placeName(siteInfo, alternative.floorId, alternative.zoneId)}`)));
      } else {
        parts.push(notice('info', null, h('p', {}, t('walkup.noneFree'))));
      }
      parts.push(h('p', {}, h('a', { href: `/find?site=${encodeURIComponent(desk.siteId)}`, 'data-link': true },
        t('walkup.findOther'))), feedback);
      body.replaceChildren(...parts);
    }

    async function myBookingsOnDesk(nowMs) {
      const from = new Date(nowMs - 16 * 3600 * 1000).toISOString();
      const to = new Date(nowMs + 16 * 3600 * 1000).toISOString();
      try {
        const account = await data.me();
        return (await api(`/api/v1/bookings?username=${encodeURIComponent(account.username)}`
          + `&resourceId=${encodeURIComponent(desk.id)}`
          + `&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).bookings;
      } catch (error) {
        ctx.handleAuth(error);
        return [];
      }
    }

    async function freeDesks(date, part) {
      const query = new URLSearchParams({ siteId: desk.siteId, type: 'desk', date, part });
      return (await api(`/api/v1/availability?${query}`)).resources;
    }
  },
};
