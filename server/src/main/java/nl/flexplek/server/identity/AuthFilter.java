package nl.flexplek.server.identity;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import nl.flexplek.server.common.ApiTrace;

/**
 * Resolves the bearer token of each API request into a {@link Account} in the request context. It rejects nothing
 * itself: {@link Access} decides per route, so public routes (login, OpenAPI) keep working without a token.
 * <p>
 * A token in the URL ({@code ?token=}) is only set aside here: which routes accept one is declared in their route
 * tables ({@link Access#allowTokenInUrl}), and only such a route, once reached, turns it into a caller.
 */
public final class AuthFilter implements Filter {
    static final String TOKEN_REJECTED = "flexplek.token-rejected";
    private static final String BEARER = "bearer ";

    /** A {@code ?token=} the filter set aside, for a route that accepts one to resolve. */
    private record UrlToken(IdentityService identity, String token) {
    }

    private final IdentityService identity;

    AuthFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> bearer = bearerToken(req);
        if (bearer.isPresent()) {
            resolve(identity, bearer.get(), req);
        } else {
            req.query().first("token").asOptional().filter(token -> !token.isBlank())
                    .ifPresent(token -> req.context().register(UrlToken.class, new UrlToken(identity, token)));
        }
        chain.proceed();
    }

    /**
     * Lets the token from {@code ?token=} stand for the caller of this request, when there is no bearer token. Only
     * routes a browser opens without headers call this (EventSource, an {@code <img>}, a kiosk screen set up by one
     * URL): elsewhere a token in a URL would end up in histories and logs, so it is ignored.
     */
    static void acceptUrlToken(ServerRequest req) {
        ApiTrace.queried("token");
        if (req.context().get(Account.class, Account.class).isPresent()) {
            return;
        }
        req.context().get(UrlToken.class, UrlToken.class).ifPresent(url -> resolve(url.identity(), url.token(), req));
    }

    private static void resolve(IdentityService identity, String token, ServerRequest req) {
        identity.authenticate(token).ifPresentOrElse(
                who -> req.context().register(Account.class, who),
                () -> req.context().register(TOKEN_REJECTED, Boolean.TRUE));
    }

    /** The token from {@code Authorization: Bearer ...}, if there is one. */
    public static Optional<String> bearerToken(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.length() > BEARER.length() && value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim());
    }
}
