// Kiosks: register an entrance screen for a site (its address with the secret token is shown once, to copy or open
// on the screen), see which kiosks exist and when each was last seen, and revoke one whose screen is lost or replaced.

import { api } from '/assets/api.js';
import { formatDate, formatTime } from '/assets/i18n.js';
import { h } from '/assets/dom.js';
import { icon, table } from './ui.js';

const LANGUAGES = ['rotate', 'nl', 'de', 'en'];

export function mount(root, ctx) {
  const { t } = ctx;
  let stopped = false;
  let sites = [];
  let kiosks = [];

  const formSlot = h('div');
  const resultSlot = h('div', { id: 'kiosk-result' });
  const listSlot = h('div', { 'aria-busy': 'true' }, h('p', { text: t('loading') }));
  const listMessage = h('p', { class: 'form-message', id: 'kiosk-message', role: 'status' });
  const dialog = h('dialog', { id: 'revoke-dialog', class: 'dialog', 'aria-labelledby': 'revoke-title',
    'aria-describedby': 'revoke-text' });

  root.append(
    h('div', { class: 'page-head' }, h('h1', { text: t('kiosks.title') })),
    h('p', { class: 'lead', text: t('kiosks.intro') }),
    h('section', { class: 'panel', 'aria-labelledby': 'register-title' },
      h('h2', { id: 'register-title', text: t('kiosks.registerTitle') }), formSlot),
    resultSlot,
    h('section', { class: 'panel', 'aria-labelledby': 'kiosk-list-title' },
      h('h2', { id: 'kiosk-list-title', text: t('kiosks.listTitle') }), listMessage, listSlot),
    dialog);

  async function start() {
    try {
      sites = await ctx.sites();
      formSlot.replaceChildren(registerForm(await ctx.site()));
      await loadList();
    } catch (error) {
      listSlot.replaceChildren(errorText(error));
    }
  }

  async function loadList() {
    try {
      const answer = await api('/api/v1/kiosks');
      kiosks = Array.isArray(answer) ? answer : answer.kiosks || [];
      if (!stopped) {
        drawList();
      }
    } catch (error) {
      listSlot.replaceChildren(error.status === 404
        ? h('p', { class: 'muted', text: t('kiosks.unavailable') }) : errorText(error));
    } finally {
      listSlot.removeAttribute('aria-busy');
    }
  }

  function siteName(id) {
    return sites.find((s) => s.id === id)?.name || id;
  }

  function when(instant, siteId) {
    if (!instant) {
      return t('kiosks.never');
    }
    const zone = sites.find((s) => s.id === siteId)?.timeZone;
    return `${formatDate(instant, ctx.language, zone, { day: 'numeric', month: 'short', year: 'numeric' })} ${
      formatTime(instant, ctx.language, zone)}`;
  }

  function drawList() {
    if (!kiosks.length) {
      listSlot.replaceChildren(h('p', { class: 'muted', text: t('kiosks.none') }));
      return;
    }
    const sorted = [...kiosks].sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt))
      || String(b.createdAt).localeCompare(String(a.createdAt)));
    listSlot.replaceChildren(h('div', { class: 'table-wide' }, table(t('kiosks.listTitle'),
      [t('kiosks.name'), t('site.label'), t('kiosks.languageShort'), t('kiosks.created'), t('kiosks.lastSeen'),
        t('estate.status'), t('estate.action')],
      sorted.map((k) => {
        const revoked = Boolean(k.revokedAt);
        const row = [k.name || t('kiosks.unnamed', { id: k.id }), siteName(k.siteId), t(k.language === 'rotate' || !k.language ? 'kiosks.rotating' : `kiosks.lang.${k.language}`),
          when(k.createdAt, k.siteId), when(k.lastSeenAt, k.siteId),
          h('span', { class: 'stack' },
            h('span', { class: `state st-${revoked ? 'out-of-service' : 'free'}` }, icon(revoked ? 'stopped' : 'done'),
              h('span', { text: revoked ? t('kiosks.revoked.state') : t('kiosks.active') })),
            revoked ? h('span', { class: 'muted small', text: when(k.revokedAt, k.siteId) }) : null),
          revoked ? '–' : revokeButton(k)];
        return row;
      }), { rowHeader: true, captionHidden: true, class: 'data kiosks' })));
  }

  function revokeButton(kiosk) {
    const name = kiosk.name || t('kiosks.unnamed', { id: kiosk.id });
    const button = h('button', { type: 'button', class: 'button-small button-danger' },
      h('span', { text: t('kiosks.revoke') }), h('span', { class: 'visually-hidden', text: `: ${name}` }));
    button.dataset.kiosk = String(kiosk.id);
    button.addEventListener('click', () => confirmRevoke(kiosk, name, button));
    return button;
  }

  function confirmRevoke(kiosk, name, opener) {
    const confirm = h('button', { type: 'button', class: 'button button-danger', id: 'revoke-confirm' }, t('kiosks.revokeConfirm'));
    const cancel = h('button', { type: 'button', class: 'button-quiet', id: 'revoke-cancel' }, t('cancel'));
    dialog.replaceChildren(
      h('h2', { id: 'revoke-title', text: t('kiosks.revokeTitle', { name }) }),
      h('p', { id: 'revoke-text', text: t('kiosks.revokeText', { site: siteName(kiosk.siteId) }) }),
      h('div', { class: 'form-actions' }, confirm, cancel));
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => opener.isConnected && opener.focus(), { once: true });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        await api(`/api/v1/kiosks/${encodeURIComponent(kiosk.id)}`, { method: 'DELETE' });
        dialog.close();
        listMessage.replaceChildren(icon('done'), h('span', { text: t('kiosks.revoked', { name }) }));
        await loadList();
        listSlot.querySelector('table')?.focus?.();
      } catch (error) {
        dialog.close();
        listMessage.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: ctx.problemText(error) }));
      }
    });
    dialog.showModal();
    cancel.focus();
  }

  function registerForm(chosen) {
    const message = h('div', { class: 'form-message', role: 'alert', id: 'register-message' });
    const form = h('form', { id: 'register-kiosk', class: 'inline-form', novalidate: true },
      h('div', { class: 'field' },
        h('label', { for: 'kiosk-site', text: t('site.label') }),
        h('select', { id: 'kiosk-site', name: 'siteId', required: true },
          sites.map((s) => h('option', { value: s.id, text: s.name, selected: s.id === chosen })))),
      h('div', { class: 'field' },
        h('label', { for: 'kiosk-name', text: t('kiosks.nameOptional') }),
        h('input', { id: 'kiosk-name', name: 'name', maxlength: 200, autocomplete: 'off',
          'aria-describedby': 'kiosk-name-hint' }),
        h('span', { class: 'hint', id: 'kiosk-name-hint', text: t('kiosks.nameHint') })),
      h('div', { class: 'field' },
        h('label', { for: 'kiosk-language', text: t('kiosks.language') }),
        h('select', { id: 'kiosk-language', name: 'language' },
          LANGUAGES.map((l) => h('option', { value: l, text: t(`kiosks.lang.${l}`) })))),
      h('div', { class: 'field form-actions' }, h('button', { type: 'submit', class: 'button' }, t('kiosks.register'))),
      message);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      message.replaceChildren();
      const data = new FormData(form);
      const body = { siteId: data.get('siteId'), language: data.get('language') };
      const name = String(data.get('name')).trim();
      if (name) {
        body.name = name;
      }
      try {
        const kiosk = await api('/api/v1/kiosks', { method: 'POST', body });
        form.elements.name.value = '';
        showResult(kiosk);
        await loadList();
      } catch (error) {
        message.replaceChildren(icon('warning'), h('span', { class: 'error-text', text: error.status === 404
          ? t('kiosks.unavailable') : ctx.problemText(error) }));
      }
    });
    return form;
  }

  /** The kiosk's address, once: the token is a secret the server will not show again. */
  function showResult(kiosk) {
    const url = absolute(kiosk.url);
    const copied = h('span', { class: 'copied', role: 'status', id: 'kiosk-copied' });
    const input = h('input', { id: 'kiosk-url', readonly: true, value: url, class: 'url-field', spellcheck: 'false',
      'aria-describedby': 'kiosk-once' });
    const copy = h('button', { type: 'button', class: 'button', id: 'kiosk-copy' }, icon('copy'),
      h('span', { text: t('kiosks.copy') }));
    copy.addEventListener('click', async () => {
      copied.textContent = '';
      try {
        await navigator.clipboard.writeText(url);
      } catch (ignored) {
        // Without clipboard permission (an insecure origin) fall back to the selection the user can copy.
        input.select();
        document.execCommand?.('copy');
      }
      copied.replaceChildren(icon('done'), h('span', { text: t('kiosks.copied') }));
    });
    const heading = h('h2', { id: 'kiosk-result-title', tabindex: '-1',
      text: t('kiosks.registered', { name: kiosk.name || t('kiosks.unnamed', { id: kiosk.id }), site: siteName(kiosk.siteId) }) });
    resultSlot.replaceChildren(h('section', { class: 'once', 'aria-labelledby': 'kiosk-result-title' },
      heading,
      h('p', { class: 'once-note', id: 'kiosk-once' }, icon('warning'), h('strong', { text: t('kiosks.onceNote') })),
      h('div', { class: 'field' },
        h('label', { for: 'kiosk-url', text: t('kiosks.url') }),
        h('div', { class: 'copy-row' }, input, copy, copied)),
      h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, icon('link'),
        h('span', { text: t('kiosks.open') })))));
    heading.focus();
  }

  function errorText(error) {
    return h('p', { class: 'error-text', role: 'alert', text: ctx.problemText(error) });
  }

  start();
  return () => {
    stopped = true;
    if (dialog.open) {
      dialog.close();
    }
  };
}

function absolute(url) {
  try {
    return new URL(url, window.location.origin).href;
  } catch (ignored) {
    return url;
  }
}
