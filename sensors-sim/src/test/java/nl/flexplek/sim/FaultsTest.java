package nl.flexplek.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each fault does what a facility manager testing sensor health expects to see, on explicit clocks. */
class FaultsTest {
    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final long SECOND = 1_000_000_000L;
    private final List<Device> devices = new ArrayList<>();

    FaultsTest() {
        for (int i = 1; i <= 40; i++) {
            devices.add(new Device("pir-" + i, SensorKind.PRESENCE, ResourceType.DESK, "site", null));
        }
        devices.add(new Device("cnt-1", SensorKind.COUNTER, ResourceType.ROOM, "site", null));
    }

    @Test
    void silentSensors_stopPublishingWithinTheFirstHalfHour_andStaySilent() {
        Faults faults = new Faults(Faults.Fault.parse("silent"), devices, 3, START, 0);
        assertEquals(2, faults.silentSensors(), "about 5 % of 41");
        Set<String> silentAfter = silentAt(faults, START.plus(Duration.ofMinutes(30)));
        assertEquals(2, silentAfter.size());
        assertTrue(silentAt(faults, START).isEmpty(), "all say hello first");
        assertEquals(silentAfter, silentAt(faults, START.plus(Duration.ofDays(2))), "silent stays silent");
    }

    @Test
    void lowBatterySensors_reportUnderTwentyAndFalling() {
        Faults faults = new Faults(Faults.Fault.parse("low-battery"), devices, 3, START, 0);
        List<Device> low = devices.stream().filter(d -> battery(faults, d, START) < 20).toList();
        assertEquals(2, low.size(), "about 5 % of the presence sensors");
        for (Device d : low) {
            int first = battery(faults, d, START);
            int later = battery(faults, d, START.plus(Duration.ofHours(12)));
            assertTrue(later < first, d.sensorId() + " falls: " + first + " -> " + later);
        }
        Device healthy = devices.stream().filter(d -> !low.contains(d)).findFirst().orElseThrow();
        assertEquals(90, battery(faults, healthy, START.plus(Duration.ofHours(12))));
    }

    @Test
    void flappingSensors_toggleEveryFewSeconds() {
        Faults faults = new Faults(Faults.Fault.parse("flap"), devices, 3, START, 0);
        List<Update> toggles = new ArrayList<>();
        for (long t = 0; t <= 60 * SECOND; t += SECOND / 10) {
            toggles.addAll(faults.flaps(t, START));
        }
        Set<String> flapping = toggles.stream().map(u -> u.device().sensorId()).collect(Collectors.toSet());
        assertEquals(1, flapping.size(), "a few: 2 % of 40, at least one");
        assertTrue(toggles.size() >= 12 && toggles.size() <= 31, "every 2-5 s for a minute: " + toggles.size());
        for (int i = 1; i < toggles.size(); i++) {
            assertTrue(((SensorState.Presence) toggles.get(i).state()).occupied()
                    != ((SensorState.Presence) toggles.get(i - 1).state()).occupied(), "it toggles");
        }
    }

    @Test
    void brokerLoss_cutsThirtySecondsEveryFewMinutes() {
        Faults faults = new Faults(Faults.Fault.parse("broker-loss"), devices, 3, START, 0);
        List<long[]> outages = new ArrayList<>();
        long downSince = -1;
        for (long t = 0; t <= 20 * 60 * SECOND; t += SECOND) {
            boolean down = faults.brokerShouldBeDown(t);
            if (down && downSince < 0) {
                downSince = t;
            } else if (!down && downSince >= 0) {
                outages.add(new long[]{downSince / SECOND, (t - downSince) / SECOND});
                downSince = -1;
            }
        }
        assertTrue(outages.size() >= 4 && outages.size() <= 9, "every few minutes in 20 minutes: " + outages.size());
        assertTrue(outages.getFirst()[0] >= 60 && outages.getFirst()[0] <= 120, "the first after a minute or two");
        for (long[] outage : outages) {
            assertTrue(outage[1] >= 30 && outage[1] <= 31, "about 30 s each: " + outage[1]);
        }
        assertFalse(new Faults(Set.of(), devices, 3, START, 0).brokerShouldBeDown(90 * SECOND), "only when asked for");
    }

    private Set<String> silentAt(Faults faults, Instant at) {
        return devices.stream().filter(d -> faults.silenced(d, at)).map(Device::sensorId).collect(Collectors.toSet());
    }

    private static int battery(Faults faults, Device device, Instant at) {
        return ((SensorState.Presence) faults.adjust(device, new SensorState.Presence(true, 90), at)).battery();
    }
}
