package nl.flexplek.server.occupancy;

import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.booking.PolicyService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.Responses;
import nl.flexplek.server.common.Scheduler;
import nl.flexplek.server.estate.EstateService;

/**
 * The occupancy feature wired together: the live occupancy, the embedded broker (unless an external one is
 * configured), the MQTT connection that feeds it, its endpoint, and the tick that applies the time-based rules.
 */
public final class OccupancyFeature implements Feature {
    private final SiteEvents siteEvents = new SiteEvents();
    private final OccupancyService occupancy;
    private final EmbeddedBroker broker;
    private final String brokerUri;
    private final MqttConnection mqtt;
    private final List<HttpService> endpoints;

    public OccupancyFeature(Database db, Clock clock, OccupancySettings settings, MqttSettings mqttSettings,
                            String sharedGroup, EstateService estate, BookingService bookings, PolicyService policies,
                            ObjectMapper json, Responses responses, Scheduler scheduler) {
        this.occupancy = new OccupancyService(db, clock, estate, bookings, policies, settings, siteEvents, json);
        try {
            this.broker = mqttSettings.embedded()
                    ? new EmbeddedBroker(mqttSettings.embeddedHost(), mqttSettings.embeddedPort()) : null;
        } catch (RuntimeException e) {
            occupancy.close();
            throw e;
        }
        this.brokerUri = mqttSettings.url()
                .orElseGet(() -> "tcp://" + loopbackFor(mqttSettings.embeddedHost()) + ":" + broker.port());
        this.mqtt = new MqttConnection(brokerUri, mqttSettings, sharedGroup, occupancy::accept);
        this.endpoints = List.of(new OccupancyEndpoint(occupancy, estate, clock, responses));
        scheduler.every(settings.tickInterval(), "evaluate the occupancy rules", occupancy::tick);
    }

    private static String loopbackFor(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    public OccupancyService occupancy() {
        return occupancy;
    }

    public SiteEvents siteEvents() {
        return siteEvents;
    }

    /** Where the MQTT client connects to. */
    public String brokerUri() {
        return brokerUri;
    }

    /** Whether the MQTT client is connected (readiness, not liveness: bookings work without it). */
    public boolean mqttConnected() {
        return mqtt.connected();
    }

    /** The embedded broker's port, when the server runs one. */
    public OptionalInt embeddedBrokerPort() {
        return broker == null ? OptionalInt.empty() : OptionalInt.of(broker.port());
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        mqtt.close();
        if (broker != null) {
            broker.close();
        }
        occupancy.close();
    }
}
