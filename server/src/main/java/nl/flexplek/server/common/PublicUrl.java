package nl.flexplek.server.common;

import java.util.Optional;

import io.helidon.common.uri.UriInfo;
import io.helidon.webserver.http.ServerRequest;

/**
 * Where people reach this server from outside, for links that leave it (QR codes, kiosk URLs, calendar feeds):
 * the configured public URL, or else the scheme and host the request came in on.
 */
public final class PublicUrl {
    private final Optional<String> configured;

    public PublicUrl(Optional<String> configured) {
        this.configured = configured;
    }

    /** The base URL without a trailing slash, e.g. {@code https://flexplek.example.org}. */
    public String base(ServerRequest req) {
        return configured.orElseGet(() -> {
            UriInfo uri = req.requestedUri();
            return uri.scheme() + "://" + uri.authority();
        });
    }
}
