/**
 * Who is calling: accounts and their roles (employee, facility manager, kiosk device), password login, bearer
 * sessions stored only as hashes, the authentication filter and the {@link nl.flexplek.server.identity.Access}
 * guard every endpoint declares its callers with, and the hourly purge of expired sessions, wired by
 * {@code IdentityFeature}. Depends on {@code common}.
 */
package nl.flexplek.server.identity;
