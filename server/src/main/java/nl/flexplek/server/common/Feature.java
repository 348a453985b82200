package nl.flexplek.server.common;

import java.util.List;

import io.helidon.webserver.http.HttpService;

/**
 * One feature of the server, built by its package's {@code XxxFeature} class from its settings and the few services
 * of other features it needs. {@code App} lists the features in dependency order, mounts their endpoints under
 * {@code /api/v1} and closes them in reverse order.
 */
public interface Feature extends AutoCloseable {
    /** The endpoints to mount under {@code /api/v1}. */
    List<HttpService> endpoints();

    /** Stops what the feature runs by itself (connections, streams); most features run nothing. */
    @Override
    default void close() {
    }
}
