package nl.flexplek.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import nl.flexplek.server.board.BoardFeature;
import nl.flexplek.server.booking.AvailabilityEndpoint;
import nl.flexplek.server.booking.AvailabilityService;
import nl.flexplek.server.booking.BookingEndpoint;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.CheckInMethod;
import nl.flexplek.server.booking.DayPart;
import nl.flexplek.server.booking.DemoHistory;
import nl.flexplek.server.booking.PolicyEndpoint;
import nl.flexplek.server.booking.PolicyService;
import nl.flexplek.server.calendar.CalendarFeedEndpoint;
import nl.flexplek.server.calendar.CalendarFeedService;
import nl.flexplek.server.common.ApiHeaders;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.HttpMetrics;
import nl.flexplek.server.common.Json;
import nl.flexplek.server.common.NotFoundException;
import nl.flexplek.server.common.OpenApiEndpoint;
import nl.flexplek.server.common.ProblemResponder;
import nl.flexplek.server.common.PublicUrl;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.estate.DemoEstate;
import nl.flexplek.server.estate.EstateDocument;
import nl.flexplek.server.estate.EstateEndpoint;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.identity.AuthFilter;
import nl.flexplek.server.identity.DemoAccounts;
import nl.flexplek.server.identity.IdentityService;
import nl.flexplek.server.identity.Role;
import nl.flexplek.server.insights.InsightsEndpoint;
import nl.flexplek.server.insights.InsightsService;
import nl.flexplek.server.insights.OpenDataEndpoint;
import nl.flexplek.server.insights.OpenDataService;
import nl.flexplek.server.insights.RetentionService;
import nl.flexplek.server.occupancy.EmbeddedBroker;
import nl.flexplek.server.occupancy.MqttConnection;
import nl.flexplek.server.occupancy.MqttSettings;
import nl.flexplek.server.occupancy.OccupancyEndpoint;
import nl.flexplek.server.occupancy.DemoSensorHistory;
import nl.flexplek.server.occupancy.OccupancyService;
import nl.flexplek.server.occupancy.SensorKind;
import nl.flexplek.server.occupancy.SiteEvents;
import nl.flexplek.server.web.WebPages;
import nl.flexplek.server.staff.StaffEndpoint;
import nl.flexplek.server.staff.StaffService;

/**
 * Wiring: settings to database, services, endpoints and the web server. Tests build the same App on a free port
 * with their own database file and Clock.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(App.class.getName());
    private static final List<Class<? extends Enum<?>>> CODED = List.of(ResourceType.class, Role.class,
            BookingStatus.class, DayPart.class, CheckInMethod.class, SensorKind.class,
            nl.flexplek.server.occupancy.ResourceState.class);

    private final Database db;
    private final EstateService estate;
    private final IdentityService identity;
    private final PolicyService policies;
    private final BookingService bookings;
    private final SiteEvents siteEvents = new SiteEvents();
    private final OccupancyService occupancy;
    private final BoardFeature board;
    private final InsightsService insights;
    private final RetentionService retention;
    private final EmbeddedBroker broker;
    private final MqttConnection mqtt;
    private final WebServer server;
    private final ScheduledExecutorService maintenance;

    private App(Config config, Clock clock) {
        Settings settings = Settings.from(config);
        ObjectMapper json = Json.createMapper();
        ObjectMapper yaml = Json.createYamlMapper();
        this.db = new Database(settings.database(), CODED);
        this.estate = new EstateService(db, json);
        this.identity = new IdentityService(db, clock, settings.identity());
        this.policies = new PolicyService(db, clock, settings.booking());
        // Vehicles' charge comes from the live occupancy, made further down (it needs the bookings); asked only later.
        AvailabilityService availability = new AvailabilityService(db, estate, policies, settings.booking(),
                (resourceId, at) -> occupancy().charge(resourceId, at));
        this.bookings = new BookingService(db, clock, estate, policies, settings.booking(), availability);
        StaffService staff = new StaffService(db, clock, estate);
        CalendarFeedService calendarFeeds = new CalendarFeedService(db, clock, estate, settings.calendar());

        settings.estateFile().ifPresent(file -> estate.importDocument(readEstate(yaml, Path.of(file))));
        if (settings.demo()) {
            loadDemo(settings, clock, staff);
        }

        this.occupancy = new OccupancyService(db, clock, estate, bookings, policies, settings.occupancy(), siteEvents, json);
        MqttSettings mqttSettings = settings.mqtt();
        this.broker = mqttSettings.embedded() ? new EmbeddedBroker(mqttSettings.embeddedHost(), mqttSettings.embeddedPort()) : null;
        String brokerUri = mqttSettings.url().orElseGet(() -> "tcp://" + loopbackFor(mqttSettings.embeddedHost()) + ":" + broker.port());
        this.mqtt = new MqttConnection(brokerUri, mqttSettings, settings.mqttSharedGroup().orElse(null), occupancy::accept);
        this.insights = new InsightsService(db, clock, estate, occupancy);
        OpenDataService openData = new OpenDataService(db, clock, estate, settings.insights());
        this.retention = new RetentionService(db, clock, settings.insights());

        HttpMetrics metrics = new HttpMetrics();
        Requests requests = new Requests(json);
        Responses responses = new Responses(json);
        PublicUrl publicUrl = new PublicUrl(settings.publicUrl());
        this.board = new BoardFeature(db, clock, settings.board(), estate, identity, bookings, occupancy, siteEvents,
                json, publicUrl, requests, responses);
        ProblemResponder problems = new ProblemResponder(json, metrics);
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new ApiHeaders(metrics, clock))
                .addFilter(new AuthFilter(identity))
                .register("/api/v1",
                        new nl.flexplek.server.identity.SessionEndpoint(identity, requests, responses),
                        new EstateEndpoint(estate, requests, yaml, responses),
                        new BookingEndpoint(bookings, requests, responses),
                        new AvailabilityEndpoint(availability, responses),
                        new PolicyEndpoint(policies, requests, responses),
                        new OccupancyEndpoint(occupancy, estate, clock, responses),
                        new StaffEndpoint(staff, requests, responses),
                        new CalendarFeedEndpoint(calendarFeeds, publicUrl, responses),
                        new InsightsEndpoint(insights, responses),
                        new OpenDataEndpoint(openData),
                        new OpenApiEndpoint(json))
                .register("/api/v1", board.endpoints())
                .any("/api/*", (req, res) -> {
                    throw new NotFoundException("There is no API resource at " + ApiHeaders.loggable(req.path().path()) + ".");
                });
        WebPages.register(routing);
        problems.register(routing);

        ObserveFeature observe = ObserveFeature.just(
                HealthObserver.builder()
                        .details(true)
                        .addCheck(() -> HealthCheckResponse.builder().status(db.reachable()).build(),
                                HealthCheckType.READINESS, "database")
                        // MQTT is readiness, not liveness: without the broker the server still serves bookings.
                        .addCheck(() -> HealthCheckResponse.builder().status(mqtt.connected())
                                        .detail("broker", brokerUri).build(),
                                HealthCheckType.READINESS, "mqtt")
                        .build(),
                MetricsObserver.create());
        this.server = WebServer.builder()
                .config(config.get("server"))
                .featuresDiscoverServices(false)
                .shutdownHook(false)
                .addFeature(observe)
                .routing(routing)
                .build()
                .start();

        this.maintenance = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("flexplek-maintenance").factory());
        maintenance.scheduleWithFixedDelay(this::housekeeping, 1, 60, TimeUnit.MINUTES);
        maintenance.scheduleWithFixedDelay(this::applyRetention, 10, 24 * 60, TimeUnit.MINUTES);
        long tick = settings.occupancy().tickInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::tickOccupancy, tick, tick, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Flexplek is listening on http://localhost:" + server.port() + "/ (API at /api/v1)");
    }

    /** Builds and starts the whole server. */
    public static App start(Config config, Clock clock) {
        return new App(config, clock);
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return db;
    }

    public EstateService estate() {
        return estate;
    }

    public IdentityService identity() {
        return identity;
    }

    public BookingService bookings() {
        return bookings;
    }

    public OccupancyService occupancy() {
        return occupancy;
    }

    public BoardFeature board() {
        return board;
    }

    public InsightsService insights() {
        return insights;
    }

    public RetentionService retention() {
        return retention;
    }

    public SiteEvents siteEvents() {
        return siteEvents;
    }

    /** The embedded broker's port, when the server runs one. */
    public java.util.OptionalInt embeddedBrokerPort() {
        return broker == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(broker.port());
    }

    /** Whether the server's MQTT client is connected. */
    public boolean mqttConnected() {
        return mqtt.connected();
    }

    private static String loopbackFor(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    private void tickOccupancy() {
        try {
            occupancy.tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Occupancy rules could not be evaluated; they will be on the next tick", e);
        }
    }

    private void loadDemo(Settings settings, Clock clock, StaffService staff) {
        LOG.warning("""

                ************************************************************************
                * DEMO MODE: loading the demo estate, demo accounts and a history.     *
                * Accounts employee1 ... employee200, manager and kiosk-<site> all     *
                * have the password 'demo'. Never run demo mode with real people.      *
                ************************************************************************""");
        EstateDocument document = DemoEstate.document();
        estate.importDocument(document);
        List<String> siteIds = document.sites().stream().map(s -> s.id()).toList();
        // Most staff work from the two big buildings; each neighbourhood team has a few.
        List<String> homeSites = new java.util.ArrayList<>();
        for (String site : siteIds) {
            int weight = site.startsWith("wijkteam") ? 1 : 10;
            for (int i = 0; i < weight; i++) {
                homeSites.add(site);
            }
        }
        int created = identity.ensureAccounts(DemoAccounts.accounts(DemoEstate.DEPARTMENTS, homeSites, siteIds));
        LOG.info(() -> "Demo accounts created: " + created);
        staff.optInDemoEmployees();
        new DemoHistory(db, policies, settings.booking()).generateOnce(estate.estate(), clock.instant(), settings.demoHistoryWeeks());
        new DemoSensorHistory(db, policies, settings.booking()).generateOnce(estate.estate(), clock.instant());
    }

    private static EstateDocument readEstate(ObjectMapper yaml, Path file) {
        try {
            return yaml.readValue(Files.readAllBytes(file), EstateDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the estate file " + file + ": " + e.getMessage(), e);
        }
    }

    private void housekeeping() {
        try {
            int sessions = identity.purgeExpiredSessions();
            int keys = bookings.forgetOldIdempotencyKeys();
            LOG.fine(() -> "Housekeeping: removed " + sessions + " expired sessions and " + keys + " old idempotency keys");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Housekeeping failed; it will run again", e);
        }
    }

    /** Once a day: personal data in bookings past the retention period is anonymised (the service logs how many). */
    private void applyRetention() {
        try {
            retention.anonymiseOldBookings();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Anonymising old bookings failed; it will run again tomorrow", e);
        }
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        board.close();
        server.stop();
        mqtt.close();
        if (broker != null) {
            broker.close();
        }
        occupancy.close();
        db.close();
    }
}
