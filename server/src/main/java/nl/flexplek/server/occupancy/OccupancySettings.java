package nl.flexplek.server.occupancy;

import java.time.Duration;
import java.util.Map;

import nl.flexplek.server.estate.ResourceType;

/**
 * Live-occupancy rules: how long a resource stays occupied after the last presence (a PIR sees motion only now and
 * then), how long presence must last before it checks a booking in, when a silent sensor counts as offline (per
 * kind), the low-battery level, whether a checked-in desk that stays empty is released early and after how long,
 * how often the rules are re-evaluated, and how many percent of charge a plugged-in e-bike or e-car gains per hour.
 */
public record OccupancySettings(Map<ResourceType, Duration> presenceHold, Map<ResourceType, Duration> checkInAfter,
                                Map<SensorKind, Duration> offlineAfter, int lowBatteryPercent,
                                boolean earlyRelease, Duration earlyReleaseAfter, Duration tickInterval,
                                Map<ResourceType, Integer> chargePercentPerHour) {
    public OccupancySettings {
        chargePercentPerHour = Map.copyOf(chargePercentPerHour);
        chargePercentPerHour.forEach((type, percent) -> {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("flexplek.occupancy.charge-percent-per-hour." + type.code() + " must be 0-100");
            }
        });
        presenceHold = Map.copyOf(presenceHold);
        checkInAfter = Map.copyOf(checkInAfter);
        offlineAfter = Map.copyOf(offlineAfter);
        for (ResourceType type : ResourceType.values()) {
            if (!presenceHold.containsKey(type)) {
                throw new IllegalArgumentException("flexplek.occupancy.presence-hold." + type.code() + " is missing");
            }
            if (!checkInAfter.containsKey(type)) {
                throw new IllegalArgumentException("flexplek.occupancy.check-in-after." + type.code() + " is missing");
            }
        }
        for (SensorKind kind : SensorKind.values()) {
            if (!offlineAfter.containsKey(kind)) {
                throw new IllegalArgumentException("flexplek.occupancy.offline-after." + kind.code() + " is missing");
            }
        }
        if (lowBatteryPercent < 0 || lowBatteryPercent > 100) {
            throw new IllegalArgumentException("flexplek.occupancy.low-battery-percent must be 0-100");
        }
    }

    Duration hold(ResourceType type) {
        return presenceHold.get(type);
    }

    int chargePercentPerHour(ResourceType type) {
        // Only vehicles charge: a desk or room gains nothing, which is a fact rather than a default.
        return chargePercentPerHour.getOrDefault(type, 0);
    }

    Duration checkInAfter(ResourceType type) {
        return checkInAfter.get(type);
    }
}
