// Logging in: username and password, kind errors, and back to where the person was going (such as a desk's QR
// code). The session is kept in localStorage by api.js, so a reload keeps the person logged in.

import { login, logout, currentSession, ApiError } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { explainProblem, isNetworkError } from '/assets/problems.js';
import { notice } from './ui.js';
import * as data from './data.js';

export default {
  name: 'login',
  title: 'login.title',
  nav: null,
  render(ctx, root) {
    const { t } = ctx;
    if (currentSession()) {
      ctx.navigate(ctx.next, { replace: true });
      return;
    }
    const errorBox = h('div', { id: 'login-error', class: 'feedback' });
    const username = h('input', {
      id: 'username', name: 'username', type: 'text', autocomplete: 'username', autocapitalize: 'none',
      spellcheck: 'false', required: true, maxlength: '100',
    });
    const password = h('input', {
      id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
      maxlength: '200',
    });
    const submit = h('button', { type: 'submit', class: 'primary wide' }, t('login.submit'));
    const form = h('form', { class: 'login-form', novalidate: true, onsubmit: onSubmit },
      h('div', { class: 'field' }, h('label', { for: 'username' }, t('login.username')), username),
      h('div', { class: 'field' }, h('label', { for: 'password' }, t('login.password')), password),
      errorBox,
      submit);
    const going = ctx.next.startsWith('/d/') ? h('p', { class: 'lead' }, t('login.forDesk')) : null;
    root.append(
      h('div', { class: 'login-card' },
        h('h1', {}, t('login.title')),
        h('p', { class: 'lead' }, t('login.intro')),
        going,
        form));

    function fail(message, fieldsInvalid) {
      for (const input of [username, password]) {
        if (fieldsInvalid.includes(input)) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', 'login-error');
        } else {
          input.removeAttribute('aria-invalid');
          input.removeAttribute('aria-describedby');
        }
      }
      errorBox.replaceChildren(notice('error', null, h('p', {}, message)));
      (fieldsInvalid[0] || username).focus();
    }

    async function onSubmit(event) {
      event.preventDefault();
      const missing = [username, password].filter((input) => !input.value.trim());
      if (missing.length) {
        fail(t('login.missing'), missing);
        return;
      }
      submit.disabled = true;
      errorBox.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('login.busy')));
      try {
        const session = await login(username.value.trim(), password.value);
        data.forget();
        if (session.role === 'kiosk') {
          await logout();
          fail(t('login.kiosk'), [username]);
          return;
        }
        ctx.navigate(ctx.next, { replace: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          fail(t('login.wrong'), [username, password]);
        } else if (isNetworkError(error)) {
          fail(t('problem.network'), []);
        } else {
          fail(explainProblem(error, t), []);
        }
      } finally {
        submit.disabled = false;
      }
    }
  },
};
