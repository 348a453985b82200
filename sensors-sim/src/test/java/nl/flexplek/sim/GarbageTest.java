package nl.flexplek.sim;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of garbage, in every format, is something the server must refuse; valid messages are not. */
class GarbageTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:15:00.250Z");
    private static final List<SensorState> STATES = List.of(new SensorState.Presence(true, 91),
            new SensorState.Presence(false, null), new SensorState.Heartbeat(true, 88),
            new SensorState.PeopleCount(4, 9), new SensorState.Vehicle(true, true, 78, 1234.5));

    @Test
    void everyKindOfGarbage_isRefusedByTheServersRules_inEveryFormat() {
        SplittableRandom random = new SplittableRandom(1);
        for (String name : List.of("native", "ttn", "chirpstack")) {
            PayloadFormat format = PayloadFormat.named(name);
            for (SensorState state : STATES) {
                Reading reading = reading(state, format);
                Message valid = format.encode(reading);
                assertFalse(ServerRules.malformed(valid.topic(), valid.payload()), name + " valid " + state);
                for (Garbage.Kind kind : Garbage.Kind.values()) {
                    for (int variant = 0; variant < 5; variant++) {
                        Message spoilt = Garbage.spoil(reading, format, kind, random);
                        assertEquals(valid.topic(), spoilt.topic(), "garbage arrives on the sensor's own topic");
                        assertTrue(ServerRules.malformed(spoilt.topic(), spoilt.payload()),
                                name + " " + kind + " of " + state + ": " + new String(spoilt.payload()));
                    }
                }
            }
        }
    }

    @Test
    void theGarbageFault_spoilsAboutOneMessageInFifty_ofVariedKinds() {
        PayloadFormat format = new NativeFormat();
        Device desk = new Device("pir-1", SensorKind.PRESENCE, ResourceType.DESK, "site", null);
        Faults faults = new Faults(Faults.Fault.parse("garbage"), List.of(desk), 7, NOW, 0);
        int malformed = 0;
        for (int i = 0; i < 10_000; i++) {
            Message m = faults.encode(format, new Reading(desk, new SensorState.Presence(i % 2 == 0, 80), NOW));
            if (ServerRules.malformed(m.topic(), m.payload())) {
                malformed++;
            }
        }
        assertTrue(malformed > 120 && malformed < 290, "about 200 of 10000 malformed: " + malformed);
        assertEquals(malformed, faults.garbageSent());
    }

    @Test
    void anOversizedMessage_isOverTheServersSixteenKilobytes() {
        Map<String, Integer> sizes = new java.util.HashMap<>();
        for (String name : List.of("native", "ttn", "chirpstack")) {
            PayloadFormat format = PayloadFormat.named(name);
            Message m = Garbage.spoil(reading(STATES.getFirst(), format), format, Garbage.Kind.OVERSIZED, new SplittableRandom(3));
            sizes.put(name, m.payload().length);
        }
        sizes.forEach((name, size) -> assertTrue(size > 16 * 1024, name + ": " + size));
    }

    private static Reading reading(SensorState state, PayloadFormat format) {
        ResourceType type = switch (state) {
            case SensorState.PeopleCount c -> ResourceType.ROOM;
            case SensorState.Vehicle v -> ResourceType.ECAR;
            default -> ResourceType.DESK;
        };
        Resource resource = new Resource("r", "stadhuis", type, "R", 8, 300, "sensor-" + type.code(), true);
        return new Reading(Device.of(resource, format), state, NOW);
    }
}
