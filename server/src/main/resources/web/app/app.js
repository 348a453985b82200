// The staff app's shell: language, the screens and their addresses (the History API, so every screen is a deep
// link the server answers with this page), the login guard, and the navigation.

import { currentSession } from '/assets/api.js';
import { loadCatalogues, pickLanguage, rememberLanguage, translator, translatePage } from '/assets/i18n.js';
import { h } from '/assets/dom.js';
import { explainProblem, isNetworkError } from '/assets/problems.js';
import { notice } from './ui.js';
import * as data from './data.js';
import login from './login.js';
import home from './home.js';
import { findDesk, findRoom, findVehicle } from './find.js';
import bookings from './bookings.js';
import walkup from './walkup.js';
import colleagues from './colleagues.js';
import settings from './settings.js';

/** Address patterns and their screens; the order matters only for overlapping patterns (none today). */
const ROUTES = [
  { pattern: /^\/$/, screen: home },
  { pattern: /^\/login$/, screen: login, anonymous: true },
  { pattern: /^\/find$/, screen: findDesk },
  { pattern: /^\/rooms$/, screen: findRoom },
  { pattern: /^\/vehicles$/, screen: findVehicle },
  { pattern: /^\/bookings$/, screen: bookings },
  { pattern: /^\/colleagues$/, screen: colleagues },
  { pattern: /^\/settings$/, screen: settings },
  { pattern: /^\/d\/([a-z0-9][a-z0-9-]{0,63})$/, screen: walkup, params: ['resourceId'] },
];

const main = document.getElementById('main');
const nav = document.getElementById('app-nav');
const settingsLink = document.getElementById('settings-link');
const languageSelect = document.getElementById('language');
const MESSAGES = await loadCatalogues('app', 'problems');
let t = translator(MESSAGES, pickLanguage());
let renderCount = 0;

/** Goes to an address inside the app (a path with an optional query) and shows its screen. */
export function navigate(path, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  render({ moveFocus: true });
}

/** A "next" address after login must be a path of this app, never another site (no open redirect). */
function safeNext(value) {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

function currentAddress() {
  return `${location.pathname}${location.search}`;
}

function toLogin() {
  const next = currentAddress();
  navigate(next === '/' || next.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`,
    { replace: true });
}

function context(route, params) {
  return {
    t,
    lang: t.language,
    params,
    query: new URLSearchParams(location.search),
    navigate,
    next: safeNext(new URLSearchParams(location.search).get('next')),
    /** Sends the person to the login form when the server no longer knows their token. */
    handleAuth(error) {
      if (error && error.status === 401 && route.screen !== login) {
        data.forget();
        toLogin();
      }
    },
    alive: (() => {
      const mine = renderCount;
      return () => mine === renderCount;
    })(),
  };
}

async function render({ moveFocus = false } = {}) {
  renderCount += 1;
  const mine = renderCount;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const route = ROUTES.find((r) => r.pattern.test(path));
  const session = currentSession();
  if (route && !route.anonymous && !session) {
    toLogin();
    return;
  }
  nav.hidden = !session;
  settingsLink.hidden = !session;
  main.replaceChildren();
  if (!route) {
    showScreen(notFound, {}, moveFocus);
    return;
  }
  const match = route.pattern.exec(path);
  const params = Object.fromEntries((route.params || []).map((name, i) => [name, match[i + 1]]));
  let account = null;
  if (session && !route.anonymous) {
    try {
      account = await data.me();
      await data.syncClock(account.homeSiteId || (await data.sites())[0]?.id);
    } catch (error) {
      if (mine !== renderCount) {
        return;
      }
      if (error.status === 401) {
        data.forget();
        toLogin();
        return;
      }
      showTrouble(error, moveFocus);
      return;
    }
    if (mine !== renderCount) {
      return;
    }
  }
  await showScreen(route.screen, params, moveFocus, route, account);
}

async function showScreen(screen, params, moveFocus, route = { screen }, account = null) {
  const ctx = context(route, params);
  ctx.account = account;
  document.title = `${t(screen.title)} – Flexplek`;
  for (const link of nav.querySelectorAll('a[data-nav]')) {
    if (link.dataset.nav === screen.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  if (screen.name === 'settings') {
    settingsLink.setAttribute('aria-current', 'page');
  } else {
    settingsLink.removeAttribute('aria-current');
  }
  const root = h('div', { class: `screen screen-${screen.name || 'page'}` });
  main.replaceChildren(root);
  // Screens draw their heading before they wait for anything, so it is there to take the focus.
  const rendering = screen.render(ctx, root);
  if (moveFocus) {
    // After an in-app navigation, focus goes to the new screen's heading, as after a page load in a browser.
    const heading = root.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      main.focus();
    }
  }
  try {
    await rendering;
  } catch (error) {
    console.error(error);
    // A screen that fails before it can show anything (the network went away) says so instead of staying blank.
    if (ctx.alive()) {
      ctx.handleAuth(error);
      root.append(notice('error', isNetworkError(error) ? t('error.networkTitle') : t('error.title'),
        h('p', {}, explainProblem(error, t))));
    }
  }
}

function showTrouble(error, moveFocus) {
  showScreen({
    title: 'error.title',
    render(ctx, root) {
      root.append(h('h1', {}, t('error.title')),
        notice('error', isNetworkError(error) ? t('error.networkTitle') : t('error.title'), h('p', {}, explainProblem(error, t))),
        h('button', { type: 'button', class: 'primary', onclick: () => render({ moveFocus: true }) }, t('error.retry')));
    },
  }, {}, moveFocus);
}

const notFound = {
  title: 'notFound.title',
  render(ctx, root) {
    root.append(h('h1', {}, t('notFound.title')), h('p', {}, t('notFound.text')),
      h('a', { href: '/', 'data-link': true, class: 'button primary' }, t('nav.home')));
  },
};

async function setLanguage(language) {
  const focused = document.activeElement?.id;
  rememberLanguage(language);
  t = translator(MESSAGES, language);
  languageSelect.value = language;
  translatePage(t);
  await render();
  // The screen is drawn again in the new language; the control that changed it keeps the focus.
  if (focused) {
    document.getElementById(focused)?.focus();
  }
}

// Links marked data-link stay inside the app: no page load, the screen changes and the address with it.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || link.target) {
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) {
    return;
  }
  event.preventDefault();
  navigate(`${url.pathname}${url.search}`);
});

window.addEventListener('popstate', () => render({ moveFocus: true }));
languageSelect.addEventListener('change', () => setLanguage(languageSelect.value));
window.addEventListener('flexplek:language', (event) => setLanguage(event.detail));
window.addEventListener('flexplek:logged-out', () => data.forget());

languageSelect.value = t.language;
translatePage(t);
render();
