// Colleagues: whether my team may see where I sit today (off unless switched on), and where the teammates who
// switched it on sit today. Nothing about other days, and nobody who did not choose to be found.

import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';
import { icon, notice, loading, announce } from './ui.js';
import * as data from './data.js';
import { placeName } from './booking.js';

export default {
  name: 'colleagues',
  title: 'colleagues.title',
  nav: 'colleagues',
  async render(ctx, root) {
    const { t } = ctx;
    const account = ctx.account;
    const saved = h('div', { class: 'feedback' });
    const toggle = h('input', {
      type: 'checkbox', id: 'findable', role: 'switch', checked: account.findableByTeam,
      'aria-describedby': 'findable-explained',
    });
    // On or off in words next to the switch, so its state never depends on colour (the checkbox itself tells
    // screen readers).
    const switchState = h('span', { class: 'switch-state', 'aria-hidden': 'true' });
    const showState = () => { switchState.textContent = t(toggle.checked ? 'colleagues.on' : 'colleagues.off'); };
    showState();
    const list = h('div', { id: 'team-today' }, loading(t));
    root.append(
      h('h1', {}, t('colleagues.title')),
      h('section', { 'aria-labelledby': 'findable-heading', class: 'panel' },
        h('h2', { id: 'findable-heading' }, t('colleagues.shareTitle')),
        h('label', { class: 'switch', for: 'findable' }, toggle, switchState,
          h('span', { class: 'switch-label' }, t('colleagues.share'))),
        h('div', { id: 'findable-explained', class: 'explain' },
          h('p', {}, account.department ? t('colleagues.explainTeam', { department: account.department })
            : t('colleagues.noDepartment')),
          h('p', {}, t('colleagues.explainWhat')),
          h('p', {}, t('colleagues.explainOptIn'))),
        saved),
      h('section', { 'aria-labelledby': 'team-heading' },
        h('h2', { id: 'team-heading' }, t('colleagues.today')),
        list));
    toggle.addEventListener('change', async () => {
      const wanted = toggle.checked;
      showState();
      toggle.disabled = true;
      try {
        const answer = await api('/api/v1/me/preferences', { method: 'PUT', body: { findableByTeam: wanted } });
        await data.setMe(answer);
        const text = t(wanted ? 'colleagues.savedOn' : 'colleagues.savedOff');
        saved.replaceChildren(notice('success', text));
        announce(text);
      } catch (error) {
        ctx.handleAuth(error);
        toggle.checked = !wanted;
        showState();
        saved.replaceChildren(notice('error', t('colleagues.saveFailed'), h('p', {}, explainProblem(error, t))));
      } finally {
        toggle.disabled = false;
      }
    });
    await fill();

    async function fill() {
      if (!account.department) {
        list.replaceChildren(h('p', { class: 'empty' }, t('colleagues.noTeam')));
        return;
      }
      let teammates;
      try {
        teammates = await api('/api/v1/colleagues/today');
      } catch (error) {
        ctx.handleAuth(error);
        list.replaceChildren(notice('error', null, h('p', {},
          error.status === 404 ? t('colleagues.unavailable') : explainProblem(error, t))));
        return;
      }
      if (!ctx.alive()) {
        return;
      }
      const people = Array.isArray(teammates) ? teammates : (teammates.colleagues || []);
      if (!people.length) {
        list.replaceChildren(h('p', { class: 'empty' }, t('colleagues.nobody')));
        return;
      }
      const sitesList = await data.sites();
      list.replaceChildren(h('ul', { class: 'plain cards', id: 'teammates' }, people.map((p) => {
        const siteInfo = sitesList.find((s) => s.id === p.siteId);
        const where = placeName(siteInfo, p.floorId, p.zoneId);
        return h('li', { class: 'card' },
          h('div', { class: 'card-head' }, icon('people', 'type-icon'), h('h3', {}, p.displayName)),
          h('p', { class: 'meta' }, icon('desk'), p.resourceName, p.part ? ` · ${t(`part.${p.part}`)}` : ''),
          h('p', { class: 'meta' }, icon('pin'), [p.siteName || siteInfo?.name, where].filter(Boolean).join(' · ')));
      })));
    }
  },
};
