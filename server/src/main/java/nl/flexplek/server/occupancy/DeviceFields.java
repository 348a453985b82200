package nl.flexplek.server.occupancy;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of one message mapped to the common model. Native fields, and the decoded payloads of common LoRaWAN
 * occupancy devices:
 * <ul>
 * <li>Milesight WS202 PIR: {@code pir} "trigger" = occupied, "normal" or "idle" = free; {@code battery}</li>
 * <li>Milesight VS121 people counter: {@code people_count_all}, else the sum of {@code region_N}</li>
 * <li>Milesight VS133 people counter: the sum of {@code region_N_count}, else line totals in minus out</li>
 * <li>Elsys ERS Eye: {@code occupancy} 0 free, 1 pending (not yet occupied), 2 occupied; else {@code motion} &gt; 0</li>
 * <li>Disruptive Technologies desk occupancy: {@code deskOccupancy.state} OCCUPIED / NOT_OCCUPIED</li>
 * </ul>
 */
final class DeviceFields {
    private static final Pattern REGION = Pattern.compile("region_(\\d{1,2})");
    private static final Pattern REGION_COUNT = Pattern.compile("region_(\\d{1,2})_count");
    private static final Pattern LINE_TOTAL = Pattern.compile("line_(\\d{1,2})_total_(in|out)");
    private static final int MAX_COUNT = 10_000;

    private SensorKind kind;
    private Boolean occupied;
    private Integer count;
    private Boolean present;
    private Boolean plugged;
    private Integer soc;
    private Double odometerKm;
    private Integer battery;

    private DeviceFields() {
    }

    boolean isEmpty() {
        return kind == null && battery == null;
    }

    Reading reading(List<String> sensorIds, Instant ts) {
        return new Reading(sensorIds, kind, occupied, count, present, plugged, soc, odometerKm, battery, ts);
    }

    /** The native payload: {@code occupied}, {@code count}, {@code present}/{@code plugged}/{@code soc}/{@code odometerKm}, {@code battery}. */
    static DeviceFields nativeFields(JsonNode root) throws RejectedMessage {
        DeviceFields f = new DeviceFields();
        if (root.has("occupied")) {
            f.set(SensorKind.PRESENCE);
            f.occupied = bool(root.get("occupied"), "occupied");
        }
        if (root.has("count")) {
            f.set(SensorKind.COUNTER);
            f.count = integer(root.get("count"), "count", 0, MAX_COUNT);
        }
        if (root.has("present")) {
            f.set(SensorKind.VEHICLE);
            f.present = bool(root.get("present"), "present");
        }
        if (root.has("plugged")) {
            f.set(SensorKind.VEHICLE);
            f.plugged = bool(root.get("plugged"), "plugged");
        }
        if (root.has("soc")) {
            f.set(SensorKind.VEHICLE);
            f.soc = integer(root.get("soc"), "soc", 0, 100);
        }
        if (root.has("odometerKm")) {
            f.set(SensorKind.VEHICLE);
            JsonNode km = root.get("odometerKm");
            if (!km.isNumber() || !Double.isFinite(km.asDouble()) || km.asDouble() < 0 || km.asDouble() > 10_000_000) {
                throw new RejectedMessage("out-of-range", "odometerKm must be a number from 0");
            }
            f.odometerKm = km.asDouble();
        }
        if (root.has("battery")) {
            f.battery = integer(root.get("battery"), "battery", 0, 100);
        }
        return f;
    }

    /** A LoRaWAN network server's decoded payload: native fields if a custom formatter made them, else device fields. */
    static DeviceFields decodedFields(JsonNode object) throws RejectedMessage {
        DeviceFields f = nativeFields(object);
        if (f.kind != null) {
            return f;
        }
        if (object.has("pir")) {
            f.set(SensorKind.PRESENCE);
            String pir = text(object.get("pir"), "pir");
            f.occupied = switch (pir) {
                case "trigger" -> true;
                case "normal", "idle" -> false;
                default -> throw new RejectedMessage("out-of-range", "pir must be trigger, normal or idle");
            };
        } else if (object.has("deskOccupancy")) {
            f.set(SensorKind.PRESENCE);
            String state = text(object.get("deskOccupancy").get("state"), "deskOccupancy.state");
            f.occupied = switch (state) {
                case "OCCUPIED" -> true;
                case "NOT_OCCUPIED" -> false;
                default -> throw new RejectedMessage("out-of-range", "deskOccupancy.state must be OCCUPIED or NOT_OCCUPIED");
            };
        } else if (object.has("occupancy")) {
            f.set(SensorKind.PRESENCE);
            f.occupied = integer(object.get("occupancy"), "occupancy", 0, 2) == 2;
        } else if (object.has("motion")) {
            f.set(SensorKind.PRESENCE);
            f.occupied = integer(object.get("motion"), "motion", 0, 1_000_000) > 0;
        } else if (object.has("people_count_all")) {
            f.set(SensorKind.COUNTER);
            f.count = integer(object.get("people_count_all"), "people_count_all", 0, MAX_COUNT);
        } else {
            f.countFromRegionsOrLines(object);
        }
        return f;
    }

    private void countFromRegionsOrLines(JsonNode object) throws RejectedMessage {
        int regions = 0;
        int regionCounts = 0;
        int in = 0;
        int out = 0;
        boolean anyRegion = false;
        boolean anyRegionCount = false;
        boolean anyLine = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (REGION.matcher(name).matches()) {
                anyRegion = true;
                regions += integer(field.getValue(), name, 0, MAX_COUNT);
            } else if (REGION_COUNT.matcher(name).matches()) {
                anyRegionCount = true;
                regionCounts += integer(field.getValue(), name, 0, MAX_COUNT);
            } else {
                Matcher line = LINE_TOTAL.matcher(name);
                if (line.matches()) {
                    anyLine = true;
                    int value = integer(field.getValue(), name, 0, Integer.MAX_VALUE);
                    if (line.group(2).equals("in")) {
                        in += value;
                    } else {
                        out += value;
                    }
                }
            }
        }
        if (anyRegionCount || anyRegion || anyLine) {
            set(SensorKind.COUNTER);
            count = anyRegionCount ? regionCounts : anyRegion ? regions : Math.max(0, Math.min(MAX_COUNT, in - out));
        }
    }

    private void set(SensorKind wanted) throws RejectedMessage {
        if (kind != null && kind != wanted) {
            throw new RejectedMessage("mixed-kinds", "the payload mixes " + kind.code() + " and " + wanted.code() + " fields");
        }
        kind = wanted;
    }

    private static boolean bool(JsonNode node, String name) throws RejectedMessage {
        if (!node.isBoolean()) {
            throw new RejectedMessage("wrong-type", name + " must be true or false");
        }
        return node.asBoolean();
    }

    private static String text(JsonNode node, String name) throws RejectedMessage {
        if (node == null || !node.isTextual()) {
            throw new RejectedMessage("wrong-type", name + " must be text");
        }
        return node.asText();
    }

    private static int integer(JsonNode node, String name, int min, int max) throws RejectedMessage {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new RejectedMessage("wrong-type", name + " must be a whole number");
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw new RejectedMessage("out-of-range", name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
