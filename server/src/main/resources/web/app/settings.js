// Settings: language, the personal calendar feed (show and copy its address, revoke it), and logging out.

import { api, logout } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';
import { icon, notice, announce, confirmDialog } from './ui.js';
import * as data from './data.js';

export default {
  name: 'settings',
  title: 'settings.title',
  nav: null,
  async render(ctx, root) {
    const { t } = ctx;
    const account = ctx.account;
    const languageSelect = h('select', { id: 'settings-language' },
      [['nl', 'Nederlands'], ['de', 'Deutsch'], ['en', 'English']].map(([value, label]) => h('option', {
        value, lang: value, selected: value === ctx.lang,
      }, label)));
    languageSelect.addEventListener('change', () => {
      window.dispatchEvent(new CustomEvent('flexplek:language', { detail: languageSelect.value }));
      document.getElementById('settings-language')?.focus();
    });
    const feed = h('div', { id: 'calendar-feed' });
    root.append(
      h('h1', {}, t('settings.title')),
      h('section', { 'aria-labelledby': 'language-heading', class: 'panel' },
        h('h2', { id: 'language-heading' }, t('settings.language')),
        h('div', { class: 'field' }, h('label', { for: 'settings-language' }, t('settings.languageLabel')), languageSelect)),
      h('section', { 'aria-labelledby': 'calendar-heading', class: 'panel' },
        h('h2', { id: 'calendar-heading' }, t('settings.calendar')),
        h('p', {}, t('settings.calendarExplain')),
        h('p', {}, t('settings.calendarPrivate')),
        feed),
      h('section', { 'aria-labelledby': 'account-heading', class: 'panel' },
        h('h2', { id: 'account-heading' }, t('settings.account')),
        h('p', {}, t('settings.loggedInAs', { name: account.displayName, username: account.username })),
        h('button', { type: 'button', class: 'secondary', id: 'logout', onclick: onLogout }, t('settings.logout'))));
    showFeedButton();

    function showFeedButton(message) {
      feed.replaceChildren(...[message,
        h('button', { type: 'button', class: 'primary', id: 'show-feed', onclick: showFeed }, icon('clock'), t('settings.showFeed'))]
        .filter(Boolean));
    }

    async function showFeed() {
      let answer;
      try {
        answer = await api('/api/v1/me/calendar-feed');
      } catch (error) {
        ctx.handleAuth(error);
        feed.prepend(notice('error', null, h('p', {}, error.status === 404 ? t('settings.feedUnavailable') : explainProblem(error, t))));
        return;
      }
      const url = h('input', { id: 'feed-url', type: 'text', readonly: true, value: answer.url, class: 'wide', spellcheck: 'false' });
      const copied = h('div', { class: 'feedback' });
      feed.replaceChildren(
        h('div', { class: 'field' }, h('label', { for: 'feed-url' }, t('settings.feedUrl')), url),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'primary', id: 'copy-feed', onclick: () => copy(url, copied) }, t('settings.copy')),
          h('button', { type: 'button', class: 'danger', id: 'revoke-feed', onclick: revoke }, t('settings.revoke'))),
        copied);
      url.focus();
      url.select();
    }

    async function copy(input, copied) {
      try {
        await navigator.clipboard.writeText(input.value);
      } catch (ignored) {
        // Without clipboard access (an insecure origin), the selected text can still be copied by hand.
        input.select();
        copied.replaceChildren(notice('info', null, h('p', {}, t('settings.copyByHand'))));
        return;
      }
      copied.replaceChildren(notice('success', t('settings.copied')));
      announce(t('settings.copied'));
    }

    async function revoke() {
      const sure = await confirmDialog({
        title: t('settings.revokeTitle'), lines: [t('settings.revokeQuestion')],
        confirm: t('settings.revokeYes'), cancel: t('settings.revokeNo'), danger: true,
      });
      if (!sure) {
        return;
      }
      try {
        await api('/api/v1/me/calendar-feed', { method: 'DELETE' });
      } catch (error) {
        ctx.handleAuth(error);
        feed.append(notice('error', null, h('p', {}, explainProblem(error, t))));
        return;
      }
      showFeedButton(notice('success', t('settings.revoked')));
      announce(t('settings.revoked'));
      document.getElementById('show-feed')?.focus();
    }

    async function onLogout() {
      await logout();
      data.forget();
      ctx.navigate('/login');
    }
  },
};
