package nl.flexplek.server.identity;

import java.time.Instant;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;

/** Log in and log out. (Who am I, for people, is the staff profile at {@code /me}.) */
final class SessionEndpoint implements HttpService {
    private final IdentityService identity;
    private final Requests requests;
    private final Responses responses;

    SessionEndpoint(IdentityService identity, Requests requests, Responses responses) {
        this.identity = identity;
        this.requests = requests;
        this.responses = responses;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/sessions", this::login)                                    // anyone (it is the login)
                .delete("/sessions/current", Access.allow(Access.ANYONE, this::logout));
    }

    record Credentials(String username, String password) {
        Credentials {
            if (username == null || username.isBlank() || username.length() > 100) {
                throw new IllegalArgumentException("username is required (at most 100 characters)");
            }
            if (password == null || password.isEmpty() || password.length() > 200) {
                throw new IllegalArgumentException("password is required (at most 200 characters)");
            }
        }

        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    record SessionView(String token, Instant expiresAt, Account account) {
    }

    private void login(ServerRequest req, ServerResponse res) {
        Credentials credentials = requests.body(req, Credentials.class);
        LoginResult result = identity.login(credentials.username().strip(), credentials.password());
        responses.created(res, "/api/v1/me", new SessionView(result.token(), result.expiresAt(), result.account()));
    }

    private void logout(Account who, ServerRequest req, ServerResponse res) {
        // Access.allow let the request in, so it carries a valid bearer token.
        identity.logout(AuthFilter.bearerToken(req).orElseThrow());
        Responses.noContent(res);
    }
}
