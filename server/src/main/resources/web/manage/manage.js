// The facility manager's dashboard: login, the language switch, and a small router that shows one view per screen
// (/manage/ live, /manage/insights, /manage/estate, /manage/kiosks). Each view is its own module with
// mount(root, context) → unmount(); the shell keeps the session, the sites and the chosen site for all of them.

import { api, currentSession, login, logout } from '/assets/api.js';
import { loadCatalogues, pickLanguage, rememberLanguage, translatePage, translator } from '/assets/i18n.js';
import { h } from '/assets/dom.js';
import { explainProblem } from '/assets/problems.js';

const MANAGER = 'facility-manager';
const SITE_KEY = 'flexplek.manage.site';
const SCREENS = {
  live: () => import('./live.js'),
  insights: () => import('./insights.js'),
  estate: () => import('./estate.js'),
  kiosks: () => import('./kiosks.js'),
};

const $ = (id) => document.getElementById(id);
const messages = await loadCatalogues('manage', 'problems');
let t = translator(messages, pickLanguage());
let unmount = null;
let sites = null;
let homeSite;
let renderCount = 0;

/** What the views share: translation, the sites, the chosen site, and a polite announcement for screen readers. */
const context = {
  get t() { return t; },
  get language() { return t.language; },
  async sites() {
    if (!sites) {
      sites = (await api('/api/v1/sites')).sites;
    }
    return sites;
  },
  forgetSites() {
    sites = null;
  },
  /** The site to show: the one in the address, else the last one chosen, else the manager's own, else the first. */
  async site() {
    const all = await context.sites();
    const known = (id) => (all.some((s) => s.id === id) ? id : null);
    const asked = known(new URLSearchParams(window.location.search).get('site')) || known(localStorage.getItem(SITE_KEY));
    if (asked) {
      return asked;
    }
    if (homeSite === undefined) {
      homeSite = await api('/api/v1/me').then((me) => me.homeSiteId || me.siteId || null, () => null);
    }
    return known(homeSite) || all[0]?.id || null;
  },
  chooseSite(siteId) {
    localStorage.setItem(SITE_KEY, siteId);
    const url = new URL(window.location.href);
    url.searchParams.set('site', siteId);
    history.replaceState(null, '', url);
  },
  announce(text) {
    const announcer = $('announcer');
    announcer.textContent = '';
    // A fresh text node each time, so the same message said twice is still spoken.
    window.setTimeout(() => { announcer.textContent = text; }, 50);
  },
  navigate,
  /** The token stopped working (expired or revoked): forget it and ask for a login. */
  async sessionLost() {
    await logout();
    render(false);
  },
  /** The message for a failed call; a 401 means the session is gone, so the login comes back. */
  problemText(error) {
    if (error?.status === 401) {
      window.setTimeout(() => render(false), 0);
    }
    return explainProblem(error, t);
  },
};

function screenFromPath(path = window.location.pathname) {
  const rest = path.replace(/^\/manage\/?/, '').split('/')[0];
  return rest === '' ? 'live' : rest;
}

function navigate(path) {
  history.pushState(null, '', path);
  render(true);
}

async function render(moveFocus = false) {
  const session = currentSession();
  const ownRender = ++renderCount;
  if (unmount) {
    unmount();
    unmount = null;
  }
  const view = $('view');
  view.replaceChildren();
  $('login').hidden = true;
  $('not-manager').hidden = true;
  $('nav').hidden = true;
  $('who').hidden = true;
  $('logout').hidden = true;

  if (!session) {
    $('login').hidden = false;
    document.title = `${t('login.title')} – Flexplek`;
    return;
  }
  $('who').hidden = false;
  $('who').textContent = session.displayName || session.username;
  $('logout').hidden = false;
  if (session.role !== MANAGER) {
    $('not-manager').hidden = false;
    document.title = `${t('notManager.title')} – Flexplek`;
    return;
  }
  $('nav').hidden = false;
  const screen = screenFromPath();
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.screen === screen) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const load = SCREENS[screen];
  if (!load) {
    view.append(notFound());
    document.title = `${t('notFound.title')} – Flexplek`;
    return;
  }
  document.title = `${t(`nav.${screen}`)} – Flexplek`;
  try {
    const module = await load();
    if (ownRender !== renderCount) {
      return;
    }
    unmount = module.mount(view, context) || null;
  } catch (error) {
    view.replaceChildren(failure(error));
  }
  if (moveFocus) {
    // After a screen change, start reading at its heading, as a new page would.
    const heading = view.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }
}

function notFound() {
  return h('section', {}, h('h1', { text: t('notFound.title') }),
    h('p', {}, h('a', { href: '/manage/', text: t('notFound.back') })));
}

function failure(error) {
  return h('p', { class: 'error-text', role: 'alert', text: explainProblem(error, t) });
}

function setLanguage(language) {
  rememberLanguage(language);
  t = translator(messages, language);
  $('language').value = language;
  translatePage(t);
  render(false);
}

function wire() {
  $('language').value = t.language;
  $('language').addEventListener('change', (e) => setLanguage(e.target.value));
  translatePage(t);

  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = $('login-error');
    error.textContent = '';
    const username = $('username').value.trim();
    const password = $('password').value;
    if (!username || !password) {
      error.textContent = t('login.missing');
      return;
    }
    try {
      await login(username, password);
      $('password').value = '';
      sites = null;
      homeSite = undefined;
      await render(true);
      if (currentSession()?.role !== MANAGER) {
        $('not-manager-title').focus();
      }
    } catch (failure) {
      error.textContent = failure.status === 401 ? t('login.wrong') : explainProblem(failure, t);
    }
  });

  const signOut = async () => {
    await logout();
    sites = null;
    history.pushState(null, '', '/manage/');
    await render(false);
    $('username').focus();
  };
  $('logout').addEventListener('click', signOut);
  $('not-manager-logout').addEventListener('click', signOut);

  document.querySelector('#nav').addEventListener('click', (e) => {
    const link = e.target.closest('a[data-screen]');
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
      return;
    }
    e.preventDefault();
    const site = new URLSearchParams(window.location.search).get('site');
    navigate(link.getAttribute('href') + (site ? `?site=${encodeURIComponent(site)}` : ''));
  });
  window.addEventListener('popstate', () => render(true));
  // A 401 anywhere means the session is gone (expired or revoked): show the login again.
  window.addEventListener('unhandledrejection', (e) => {
    if (e.reason?.status === 401) {
      render(false);
    }
  });
}

wire();
render(false);
