package nl.flexplek.server;

import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import nl.flexplek.server.board.BoardFeature;
import nl.flexplek.server.booking.BookingFeature;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.CheckInMethod;
import nl.flexplek.server.booking.DayPart;
import nl.flexplek.server.calendar.CalendarFeature;
import nl.flexplek.server.common.ApiHeaders;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.HttpMetrics;
import nl.flexplek.server.common.Json;
import nl.flexplek.server.common.NotFoundException;
import nl.flexplek.server.common.OpenApiEndpoint;
import nl.flexplek.server.common.ProblemResponder;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.common.Scheduler;
import nl.flexplek.server.demo.DemoData;
import nl.flexplek.server.estate.EstateFeature;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.identity.IdentityFeature;
import nl.flexplek.server.identity.IdentityService;
import nl.flexplek.server.identity.Role;
import nl.flexplek.server.insights.InsightsFeature;
import nl.flexplek.server.insights.InsightsService;
import nl.flexplek.server.insights.RetentionService;
import nl.flexplek.server.occupancy.OccupancyFeature;
import nl.flexplek.server.occupancy.OccupancyService;
import nl.flexplek.server.occupancy.ResourceState;
import nl.flexplek.server.occupancy.SensorKind;
import nl.flexplek.server.occupancy.SiteEvents;
import nl.flexplek.server.staff.StaffFeature;
import nl.flexplek.server.web.WebFeature;

/**
 * Wiring: reads the settings, builds the shared plumbing, builds the features in dependency order, and starts the
 * web server with {@link #routing}. Tests build the same App on a free port with their own database file and Clock.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(App.class.getName());
    /** Where the API is mounted, as {@code openapi.yaml}'s server URL says. */
    public static final String API = "/api/v1";
    private static final List<Class<? extends Enum<?>>> CODED = List.of(ResourceType.class, Role.class,
            BookingStatus.class, DayPart.class, CheckInMethod.class, SensorKind.class, ResourceState.class);

    private final Clock clock;
    private final Database db;
    private final HttpMetrics metrics = new HttpMetrics();
    private final Scheduler scheduler = new Scheduler();
    private final ProblemResponder problems;
    private final OpenApiEndpoint openApi;
    private final IdentityFeature identity;
    private final EstateFeature estate;
    private final BookingFeature booking;
    private final OccupancyFeature occupancy;
    private final InsightsFeature insights;
    private final BoardFeature board;
    private final WebFeature web = new WebFeature();
    /** In dependency order; closed in reverse. */
    private final List<Feature> features;
    private final WebServer server;

    private App(Config config, Clock clock) {
        Settings settings = Settings.from(config);
        this.clock = clock;
        ObjectMapper json = Json.createMapper();
        ObjectMapper yaml = Json.createYamlMapper();
        Requests requests = new Requests(json);
        Responses responses = new Responses(json);
        PublicUrl publicUrl = new PublicUrl(settings.publicUrl());
        this.problems = new ProblemResponder(json, metrics);
        this.openApi = new OpenApiEndpoint(json);
        this.db = new Database(settings.database(), CODED);
        List<Feature> built = new java.util.ArrayList<>();
        try {
            this.identity = add(built, new IdentityFeature(db, clock, settings.identity(), requests, responses, scheduler));
            this.estate = add(built, new EstateFeature(db, json, yaml, settings.estateFile(), requests, responses));
            EstateService estates = estate.estate();
            this.booking = add(built, new BookingFeature(db, clock, settings.booking(), estates, requests, responses,
                    scheduler));
            StaffFeature staff = add(built, new StaffFeature(db, clock, estates, requests, responses));
            add(built, new CalendarFeature(db, clock, settings.calendar(), estates, publicUrl, responses));
            if (settings.demo()) {
                // Before the live occupancy, which reads the estate, bookings and sensor history once at its start.
                DemoData.load(db, clock, settings.booking(), settings.demoHistoryWeeks(), estates, identity.identity(),
                        booking.policies(), staff.staff());
            }
            this.occupancy = add(built, new OccupancyFeature(db, clock, settings.occupancy(), settings.mqtt(),
                    settings.mqttSharedGroup().orElse(null), estates, booking.bookings(), booking.policies(), json,
                    responses, scheduler));
            booking.vehiclesChargeFrom(occupancy.occupancy()::charge);
            this.insights = add(built, new InsightsFeature(db, clock, settings.insights(), estates,
                    occupancy.occupancy(), responses, scheduler));
            this.board = add(built, new BoardFeature(db, clock, settings.board(), estates, identity.identity(),
                    booking.bookings(), occupancy.occupancy(), occupancy.siteEvents(), json, publicUrl, requests,
                    responses));
            this.features = List.copyOf(built);
            this.server = startServer(config);
        } catch (RuntimeException e) {
            built.reversed().forEach(Feature::close);
            db.close();
            throw e;
        }
        scheduler.start();
        LOG.info(() -> "Flexplek is listening on http://localhost:" + server.port() + "/ (API at " + API + ")");
    }

    private static <F extends Feature> F add(List<Feature> built, F feature) {
        built.add(feature);
        return feature;
    }

    /** Builds and starts the whole server; fails when it cannot listen on its port or run its MQTT broker. */
    public static App start(Config config, Clock clock) {
        return new App(config, clock);
    }

    /**
     * The server's routing: the API headers and the authentication filter, every feature's endpoints under
     * {@link #API}, the API document, "no such API resource" for the rest of {@code /api}, the web pages, and the
     * problem+json mapping of errors. The server is started with exactly this; tests call it to check the routes.
     */
    public void routing(HttpRouting.Builder routing) {
        routing.addFilter(new ApiHeaders(metrics, clock))
                .addFilter(identity.authFilter());
        for (Feature feature : features) {
            routing.register(API, feature.endpoints().toArray(HttpService[]::new));
        }
        routing.register(API, openApi)
                .any("/api/*", (req, res) -> {
                    throw new NotFoundException("There is no API resource at " + ApiHeaders.loggable(req.path().path()) + ".");
                });
        web.register(routing);
        problems.register(routing);
    }

    private WebServer startServer(Config config) {
        HttpRouting.Builder routing = HttpRouting.builder();
        routing(routing);
        ObserveFeature observe = ObserveFeature.just(
                HealthObserver.builder()
                        .details(true)
                        .addCheck(() -> HealthCheckResponse.builder().status(db.reachable()).build(),
                                HealthCheckType.READINESS, "database")
                        // MQTT is readiness, not liveness: without the broker the server still serves bookings.
                        .addCheck(() -> HealthCheckResponse.builder().status(occupancy.mqttConnected())
                                        .detail("broker", occupancy.brokerUri()).build(),
                                HealthCheckType.READINESS, "mqtt")
                        .build(),
                MetricsObserver.create());
        Config serverConfig = config.get("server");
        WebServer started = WebServer.builder()
                .config(serverConfig)
                .featuresDiscoverServices(false)
                .shutdownHook(false)
                .addFeature(observe)
                .routing(routing)
                .build()
                .start();
        // Helidon logs a port it cannot bind and carries on without listening; a server that serves nobody must not start.
        if (!started.isRunning() || started.port() < 0) {
            started.stop();
            throw new IllegalStateException("Flexplek cannot listen on " + serverConfig.get("host").asString().orElse("0.0.0.0")
                    + ":" + serverConfig.get("port").asInt().orElse(8080) + " (server.port): the port is in use or not allowed");
        }
        return started;
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return db;
    }

    public EstateService estate() {
        return estate.estate();
    }

    public IdentityService identity() {
        return identity.identity();
    }

    public BookingService bookings() {
        return booking.bookings();
    }

    public OccupancyService occupancy() {
        return occupancy.occupancy();
    }

    public BoardFeature board() {
        return board;
    }

    public InsightsService insights() {
        return insights.insights();
    }

    public RetentionService retention() {
        return insights.retention();
    }

    public SiteEvents siteEvents() {
        return occupancy.siteEvents();
    }

    /** The embedded broker's port, when the server runs one. */
    public OptionalInt embeddedBrokerPort() {
        return occupancy.embeddedBrokerPort();
    }

    /** Whether the server's MQTT client is connected. */
    public boolean mqttConnected() {
        return occupancy.mqttConnected();
    }

    @Override
    public void close() {
        scheduler.close();
        board.close(); // ends the open streams, so the server can stop without waiting for their heartbeats
        server.stop();
        for (Feature feature : features.reversed()) {
            if (feature != board) {
                feature.close();
            }
        }
        db.close();
    }
}
