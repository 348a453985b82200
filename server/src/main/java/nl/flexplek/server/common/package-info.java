/**
 * Shared plumbing that every feature uses: problem+json errors, JSON, the database (read pool and the
 * group-committing writer), request parsing helpers and the request log, the {@code Feature} shape every feature's wiring has, the one
 * {@code Scheduler} that runs the features' scheduled work, and the {@code ApiTrace} the API document's test uses.
 * It depends on no feature package.
 */
package nl.flexplek.server.common;
