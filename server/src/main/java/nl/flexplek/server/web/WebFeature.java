package nl.flexplek.server.web;

import io.helidon.webserver.http.HttpRouting;

/** The browser front ends as a feature: it adds its pages to the routing, after the API. */
public final class WebFeature {
    /** Adds the staff app, the dashboard, the kiosk display and their assets; call after the API routes. */
    public void register(HttpRouting.Builder routing) {
        WebPages.register(routing);
    }
}
