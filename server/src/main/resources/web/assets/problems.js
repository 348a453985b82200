// The one explainer of a refusal, for every page: a kind sentence in the user's language from the problem's
// `conflict` code (409), its `rule` (422) or its `type` (the ProblemKind slugs), or the fact that the network is
// down. The server's `detail` is English and meant for developers: it is never shown. The sentences are in the
// shared catalogue /assets/i18n/problems.json (conflict.*, rule.*, problem.type.*, problem.*).

import { ApiError } from './api.js';

/** True when the failure is the network (no answer at all), not the server saying no. */
export function isNetworkError(error) {
  // fetch() rejects with a TypeError whose message differs per browser: Failed to fetch, NetworkError, Load failed.
  return !(error instanceof ApiError) && error?.name === 'TypeError'
    && /fetch|network|load failed/i.test(String(error.message));
}

/** The sentence for a failure: conflict code first, then rule, then type, then a general one. */
export function explainProblem(error, t) {
  if (isNetworkError(error) || (error instanceof ApiError && !error.status)) {
    return t('problem.network');
  }
  if (!(error instanceof ApiError)) {
    return t('problem.type.internal-error');
  }
  const problem = error.problem || {};
  const type = String(problem.type || '').split('/').pop();
  const candidates = [
    problem.conflict && `conflict.${problem.conflict}`,
    problem.rule && `rule.${problem.rule}`,
    type && `problem.type.${type}`,
    error.status >= 500 && 'problem.type.internal-error',
  ];
  for (const key of candidates) {
    if (key && t(key) !== key) {
      return t(key);
    }
  }
  return t('problem.generic');
}
