// The JSON API as the pages use it: the session's bearer token on every call, and problem+json answers turned into
// an ApiError that carries the problem (status, type, title, detail, field errors, and extension members such as
// "rule" or "alternatives") so a page can explain it in the user's language.

import { learnServerTime } from './clock.js';

const SESSION_KEY = 'flexplek.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * The stored session ({token, expiresAt, username, displayName, role}) or null when there is none. Whether it is
 * still valid is the server's to say (a 401 ends it): this device's clock may be off by more than a session lasts.
 */
export function currentSession() {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY));
    if (session && session.token) {
      return session;
    }
  } catch (ignored) {
    // A damaged entry is the same as no session.
  }
  localStorage.removeItem(SESSION_KEY);
  return null;
}

/** Logs in and keeps the session in localStorage, so it survives a reload. */
export async function login(username, password) {
  const answer = await api('/api/v1/sessions', { method: 'POST', body: { username, password }, anonymous: true });
  const who = answer.account || answer;
  const session = {
    token: answer.token,
    expiresAt: answer.expiresAt,
    username: who.username || username,
    displayName: who.displayName || username,
    role: who.role,
  };
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

/** Revokes the token on the server (best effort) and forgets it here. */
export async function logout() {
  const session = currentSession();
  localStorage.removeItem(SESSION_KEY);
  if (session) {
    try {
      await api('/api/v1/sessions/current', { method: 'DELETE', token: session.token });
    } catch (ignored) {
      // The token is forgotten locally either way; it expires on the server by itself.
    }
  }
}

/**
 * Calls the API. Options: method, body (sent as JSON), headers, token (defaults to the session's), anonymous (no
 * token), raw (return the Response). Resolves to the parsed JSON (or null for 204); rejects with ApiError.
 */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const token = options.anonymous ? null : (options.token || currentSession()?.token);
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const sentMs = Date.now();
  const response = await fetch(path, { method: options.method || 'GET', headers, body });
  // The Date header has whole seconds: the server's time lies in the second it names.
  learnServerTime(Date.parse(response.headers.get('Date')) + 500, sentMs, Date.now(), 500);
  if (options.raw) {
    return response;
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      problem = { title: response.statusText };
    }
    if (response.status === 401 && !options.anonymous) {
      localStorage.removeItem(SESSION_KEY);
    }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}
