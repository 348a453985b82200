package nl.flexplek.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a LoRaWAN network server knows about a device's radio link and puts around every uplink: frame counters,
 * device address, the site's gateway, signal strength and spreading factor, air time, correlation ids. Stable per
 * device (derived from its id) with a little noise per message, so a consumer sees plausible, varied metadata.
 * Thread-safe.
 */
final class RadioLink {
    /** EU868 uplink channels, in Hz. */
    private static final long[] CHANNELS = {868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000,
            867_500_000, 867_700_000, 867_900_000};
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final ConcurrentHashMap<String, AtomicInteger> frameCounters = new ConcurrentHashMap<>();
    // Derived once per device or site: hashing on every message would cost the load generator for nothing.
    private final ConcurrentHashMap<String, String> derived = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> baseRssi = new ConcurrentHashMap<>();

    /** The next uplink frame counter of a device; starts somewhere plausible, as a device that has been in use. */
    int nextFrameCounter(String sensorId) {
        return frameCounters.computeIfAbsent(sensorId, id -> new AtomicInteger(Math.floorMod(hash(id, 1), 5000)))
                .incrementAndGet();
    }

    /** The device address; TTN's network id gives addresses starting 26 0B, ChirpStack's own start anywhere. */
    String devAddr(String sensorId, String prefix) {
        return derived.computeIfAbsent("addr:" + prefix + ":" + sensorId,
                key -> (prefix + HexFormat.of().formatHex(digest(key))).substring(0, 8));
    }

    String sessionKeyId(String sensorId) {
        return derived.computeIfAbsent("session:" + sensorId, key -> {
            byte[] sessionKey = new byte[16];
            System.arraycopy(digest(key), 0, sessionKey, 0, 16);
            return Base64.getEncoder().encodeToString(sessionKey);
        });
    }

    /** The site's gateway: one per site is enough for a single office building. */
    String gatewayId(String siteId) {
        return "gw-" + siteId + "-1";
    }

    /** The gateway's EUI (a Raspberry Pi based gateway, like the golden files'), upper case. */
    String gatewayEui(String siteId) {
        return derived.computeIfAbsent("gw:" + siteId,
                key -> ("B827EBFFFE" + HexFormat.of().formatHex(digest(key))).substring(0, 16).toUpperCase(Locale.ROOT));
    }

    /** Signal strength: each device has its spot (closer or further from the gateway), plus a few dB of noise. */
    int rssi(String sensorId) {
        int base = baseRssi.computeIfAbsent(sensorId, id -> -70 - Math.floorMod(hash(id, 2), 40));
        return base + ThreadLocalRandom.current().nextInt(-3, 4);
    }

    double snr(int rssi) {
        double snr = (rssi + 120) / 5.0 + ThreadLocalRandom.current().nextDouble(-1.5, 1.5);
        return Math.round(Math.max(-15, Math.min(12, snr)) * 10) / 10.0;
    }

    /** Adaptive data rate gives weak devices a higher spreading factor. */
    int spreadingFactor(int rssi) {
        return rssi > -95 ? 7 : rssi > -105 ? 8 : 9;
    }

    /** The EU868 data rate index of a spreading factor at 125 kHz. */
    int dataRate(int spreadingFactor) {
        return 12 - spreadingFactor;
    }

    long frequency() {
        return CHANNELS[ThreadLocalRandom.current().nextInt(CHANNELS.length)];
    }

    /**
     * LoRa time on air in seconds (Semtech's formula: 125 kHz, coding rate 4/5, 8 preamble symbols, explicit header,
     * CRC on), for an application payload plus the 13 bytes of LoRaWAN framing.
     */
    double airtimeSeconds(int spreadingFactor, int applicationBytes) {
        int phyPayload = applicationBytes + 13;
        double symbol = Math.pow(2, spreadingFactor) / 125_000.0;
        int lowDataRate = spreadingFactor >= 11 ? 1 : 0;
        double payloadSymbols = 8 + Math.max(Math.ceil((8.0 * phyPayload - 4 * spreadingFactor + 28 + 16)
                / (4.0 * (spreadingFactor - 2 * lowDataRate))) * 5, 0);
        return (8 + 4.25) * symbol + payloadSymbols * symbol;
    }

    /** A ULID (time-ordered, 26 Crockford base-32 characters), as The Things Stack uses in correlation ids. */
    String ulid(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long time = at.toEpochMilli();
        long high = random.nextLong();
        long low = random.nextLong();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits: 16 characters of 5 bits.
        for (int i = 25; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low = (low >>> 5) | (high << 59);
            high >>>= 5;
        }
        return new String(out);
    }

    private static int hash(String text, int salt) {
        byte[] d = digest(salt + ":" + text);
        return ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
