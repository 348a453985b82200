// Dutch, German and English for every page, in one format: a catalogue is a JSON file under /assets/i18n/
// ({"nl": {...}, "de": {...}, "en": {...}}, the same keys in each language), one per page plus the problems
// catalogue every page shares. This module loads catalogues, picks the language, looks up messages with
// {placeholders} and singular/plural forms, and fills the elements that carry data-i18n (text) or
// data-i18n-attr ("aria-label:key;title:key").

export const LANGUAGES = ['nl', 'de', 'en'];
const LANGUAGE_KEY = 'flexplek.language';

/** Where the catalogues are: catalogueUrl('app') is /assets/i18n/app.json. */
export function catalogueUrl(name) {
  return `/assets/i18n/${name}.json`;
}

/**
 * Loads catalogues by name and merges them into one set of dictionaries ({nl, de, en}); a later catalogue's key
 * wins. A page loads its own and 'problems': const messages = await loadCatalogues('app', 'problems').
 */
export async function loadCatalogues(...names) {
  const loaded = await Promise.all(names.map(async (name) => {
    const answer = await fetch(catalogueUrl(name), { headers: { Accept: 'application/json' } });
    if (!answer.ok) {
      throw new Error(`catalogue ${name}: HTTP ${answer.status}`);
    }
    return answer.json();
  }));
  const dictionaries = Object.fromEntries(LANGUAGES.map((language) => [language, {}]));
  for (const catalogue of loaded) {
    for (const language of LANGUAGES) {
      Object.assign(dictionaries[language], catalogue[language] || {});
    }
  }
  return dictionaries;
}

/** The language to use: ?lang= in the URL, then the user's earlier choice, then the browser's, else Dutch. */
export function pickLanguage(search = window.location.search) {
  const asked = new URLSearchParams(search).get('lang');
  if (LANGUAGES.includes(asked)) {
    return asked;
  }
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (LANGUAGES.includes(stored)) {
    return stored;
  }
  for (const preferred of navigator.languages || [navigator.language]) {
    const base = String(preferred).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(base)) {
      return base;
    }
  }
  return 'nl';
}

/** Remembers the user's choice of language for the next visit. */
export function rememberLanguage(language) {
  if (LANGUAGES.includes(language)) {
    localStorage.setItem(LANGUAGE_KEY, language);
  }
}

/** A translate function for one language, falling back to English, then to the key itself. */
export function translator(dictionaries, language) {
  const own = dictionaries[language] || {};
  const english = dictionaries.en || {};
  const t = (key, params = {}) => {
    const template = own[key] ?? english[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
  };
  t.language = language;
  return t;
}

/** A count message with its singular or plural form: key.one or key.other, with {count}. */
export function plural(t, key, count) {
  return t(`${key}.${count === 1 ? 'one' : 'other'}`, { count });
}

/** Fills data-i18n and data-i18n-attr elements under root and sets the document's lang attribute. */
export function translatePage(t, root = document) {
  document.documentElement.lang = t.language;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((el) => {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) {
        el.setAttribute(attribute, t(key));
      }
    }
  });
}

/** The Intl locale of a language. */
export function locale(language) {
  return { nl: 'nl-NL', de: 'de-DE', en: 'en-GB' }[language] || 'nl-NL';
}

/** Locale-aware formatting of instants in a site's time zone. */
export function formatTime(instant, language, timeZone) {
  return new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', timeZone })
    .format(new Date(instant));
}

export function formatDate(instant, language, timeZone, style = { weekday: 'long', day: 'numeric', month: 'long' }) {
  return new Intl.DateTimeFormat(locale(language), { ...style, timeZone }).format(new Date(instant));
}
