/**
 * Who is calling: accounts and their roles (employee, facility manager, kiosk device), password login, bearer
 * sessions stored only as hashes, the authentication filter and the {@link nl.flexplek.server.identity.Access}
 * guard every endpoint declares its callers with. Depends on {@code common}.
 */
package nl.flexplek.server.identity;
