package nl.flexplek.server.identity;

import java.util.Optional;

import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import nl.flexplek.server.common.ApiTrace;

/**
 * Resolves the bearer token of each API request into a {@link Principal} in the request context. It rejects nothing
 * itself: {@link Access} decides per route, so public routes (login, OpenAPI) keep working without a token.
 */
public final class AuthFilter implements Filter {
    static final String TOKEN_REJECTED = "flexplek.token-rejected";
    private static final String BEARER = "bearer ";
    private static final Pattern BOARD = Pattern.compile("/api/v1/sites/[^/]+/board(/events|/qr\\.svg)?");

    private final IdentityService identity;

    AuthFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> queryToken = queryToken(req);
        bearerToken(req).or(() -> queryToken).ifPresent(token -> identity.authenticate(token).ifPresentOrElse(
                who -> req.context().register(Principal.class, who),
                () -> req.context().register(TOKEN_REJECTED, Boolean.TRUE)));
        chain.proceed();
    }

    /**
     * The token from {@code ?token=}, accepted only for reading a site's board: browsers' EventSource cannot send
     * headers, and a kiosk screen is set up by opening one URL. Everywhere else a token in a URL would end up in
     * histories and logs, so it is ignored there.
     */
    private static Optional<String> queryToken(ServerRequest req) {
        if (!Method.GET.equals(req.prologue().method()) || !BOARD.matcher(req.path().path()).matches()) {
            return Optional.empty();
        }
        ApiTrace.queried(req, "token");
        return req.query().first("token").asOptional().filter(token -> !token.isBlank());
    }

    /** The token from {@code Authorization: Bearer ...}, if there is one. */
    public static Optional<String> bearerToken(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.length() > BEARER.length() && value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim());
    }
}
