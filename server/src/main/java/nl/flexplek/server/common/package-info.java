/**
 * Shared plumbing that every feature uses: problem+json errors, JSON, the database (read pool and the
 * group-committing writer), request parsing helpers and the request log. It depends on no feature package.
 */
package nl.flexplek.server.common;
