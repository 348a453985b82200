package nl.flexplek.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The routes of the three front ends. Files are served by Helidon's static content service; the deep links that
 * the pages handle themselves ({@code /d/{resourceId}}, {@code /kiosk/{siteId}}, {@code /manage/sites}) answer
 * with the page's {@code index.html}, so a printed QR code or a bookmark opens the right screen.
 * Who may call: anyone; the pages hold no data, the API they call checks every request.
 */
final class WebPages {
    /** The staff app's own screens, each a deep link that a phone may open directly. */
    private static final String[] APP_SCREENS = {"/login", "/find", "/rooms", "/vehicles", "/bookings", "/colleagues",
            "/settings", "/d/{resourceId}"};

    private WebPages() {
    }

    /** Adds the front ends to the routing; call after the API so {@code /api} is never shadowed. */
    static void register(HttpRouting.Builder routing) {
        Handler app = page("web/app/index.html");
        Handler manage = page("web/manage/index.html");
        Handler kiosk = page("flexplek/kiosk/index.html");
        routing.register("/assets", files("web/assets"))
                .register("/app", files("web/app"))
                .register("/kiosk/files", files("flexplek/kiosk"))
                .register("/manage/files", files("web/manage"))
                .get("/", app)
                .get("/manage", manage)
                .get("/manage/", manage)
                .get("/manage/{screen}", manage)
                .get("/kiosk/{siteId}", kiosk);
        for (String screen : APP_SCREENS) {
            routing.get(screen, app);
        }
    }

    private static StaticContentService files(String location) {
        return StaticContentService.builder(location).build();
    }

    /**
     * One HTML page, read once. Pages must never be framed (clickjacking), never leak a kiosk token in a Referer, and
     * load scripts only from this server.
     */
    private static Handler page(String resource) {
        byte[] html = read(resource);
        return (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            res.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                    + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
            res.header("Referrer-Policy", "no-referrer");
            res.header("X-Content-Type-Options", "nosniff");
            res.send(html);
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }
}
