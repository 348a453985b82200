package nl.flexplek.server.identity;

import java.util.EnumSet;
import java.util.Set;

import nl.flexplek.server.common.ForbiddenException;
import nl.flexplek.server.common.UnauthenticatedException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The guard on every route: a route table says {@code Access.allow(STAFF, this::book)}, so who may call an endpoint
 * is read where the endpoint is declared. Finer rules (only your own booking) live in the services.
 */
public final class Access {
    /** Everyone who logs in: employees, facility managers and kiosks. */
    public static final Set<Role> ANYONE = EnumSet.allOf(Role.class);
    /** People: employees and facility managers (not kiosk devices). */
    public static final Set<Role> STAFF = EnumSet.of(Role.EMPLOYEE, Role.FACILITY_MANAGER);
    public static final Set<Role> MANAGERS = EnumSet.of(Role.FACILITY_MANAGER);

    private Access() {
    }

    /** A handler that is told who is calling. */
    @FunctionalInterface
    public interface Guarded {
        void handle(Account who, ServerRequest req, ServerResponse res) throws Exception;
    }

    /** Wraps a handler so that only the given roles reach it: 401 without a valid token, 403 for other roles. */
    public static io.helidon.webserver.http.Handler allow(Set<Role> roles, Guarded handler) {
        Set<Role> allowed = Set.copyOf(roles);
        return (req, res) -> {
            Account who = caller(req);
            if (!allowed.contains(who.role())) {
                throw new ForbiddenException("A " + who.role().code() + " account may not do this.");
            }
            handler.handle(who, req, res);
        };
    }

    /**
     * Like {@link #allow}, and the token may also come as {@code ?token=}: for the few routes a browser opens without
     * headers (EventSource, an {@code <img>}, a kiosk screen set up by one URL). The routes declared with this are
     * the only ones where a token in the URL counts; see {@link AuthFilter}.
     */
    public static io.helidon.webserver.http.Handler allowTokenInUrl(Set<Role> roles, Guarded handler) {
        io.helidon.webserver.http.Handler guarded = allow(roles, handler);
        return (req, res) -> {
            AuthFilter.acceptUrlToken(req);
            guarded.handle(req, res);
        };
    }

    /**
     * A kiosk reads only its own site: another site is a {@code 403}, the same answer on every route that serves a
     * site's data (board, occupancy, sites, resources, availability). People may read every site. Call it after the
     * site is known to exist, so an unknown site stays a {@code 404} for everyone.
     */
    public static void requireSite(Account who, String siteId) {
        if (!canRead(who, siteId)) {
            throw new ForbiddenException("A kiosk reads only its own site.");
        }
    }

    /** Whether the caller may read this site's data; the same rule as {@link #requireSite}, for filtering lists. */
    public static boolean canRead(Account who, String siteId) {
        return !who.is(Role.KIOSK) || siteId.equals(who.siteId());
    }

    /** The authenticated caller; 401 when the request has no valid token. */
    public static Account caller(ServerRequest req) {
        return req.context().get(Account.class, Account.class)
                .orElseThrow(() -> new UnauthenticatedException(req.context().get(AuthFilter.TOKEN_REJECTED, Boolean.class).isPresent()
                        ? "The bearer token is unknown, expired or revoked; log in again."
                        : "Log in first and send the token as 'Authorization: Bearer <token>'."));
    }
}
