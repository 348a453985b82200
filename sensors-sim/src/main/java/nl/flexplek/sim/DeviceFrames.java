package nl.flexplek.sim;

import java.io.ByteArrayOutputStream;

/**
 * The bytes the emulated LoRaWAN devices send ({@code frm_payload} / {@code data}), so a consumer that decodes them
 * itself sees the same thing as the network server's decoded payload. Milesight and Elsys layouts follow the makers'
 * published decoders (channel id, then value); the vehicle tracker's layout is Flexplek's own.
 */
final class DeviceFrames {
    private DeviceFrames() {
    }

    /**
     * People counters split a room into two detection regions; people sit a little more in the first (near the
     * table's head), so a count of 3 reads as 2 + 1.
     */
    static int firstRegion(int count) {
        return (count + 1) / 2;
    }

    static int secondRegion(int count) {
        return count / 2;
    }

    /** Milesight WS202: battery (01 75), PIR (03 00: 0 normal, 1 trigger), daylight (04 00: 0 dark, 1 light). */
    static byte[] ws202(boolean occupied, Integer battery) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (battery != null) {
            out.writeBytes(new byte[]{0x01, 0x75, (byte) (int) battery});
        }
        out.writeBytes(new byte[]{0x03, 0x00, (byte) (occupied ? 1 : 0), 0x04, 0x00, (byte) (occupied ? 1 : 0)});
        return out.toByteArray();
    }

    /** Milesight VS121 people counting (04 C9): total, number of regions, bitmap of regions with someone in them. */
    static byte[] vs121(int count) {
        int bitmap = (firstRegion(count) > 0 ? 1 : 0) | (secondRegion(count) > 0 ? 2 : 0);
        return new byte[]{0x04, (byte) 0xc9, (byte) Math.min(255, count), 2, 0, (byte) bitmap};
    }

    /** Milesight VS133: line 1 totals in and out (uint16, little endian), then the two regions' counts. */
    static byte[] vs133(int count, int in) {
        int out = in - count;
        return new byte[]{0x05, (byte) 0xcc, (byte) in, (byte) (in >>> 8), (byte) out, (byte) (out >>> 8),
                0x0a, (byte) 0xe3, (byte) firstRegion(count), (byte) secondRegion(count)};
    }

    /**
     * Elsys ERS Eye: temperature (01, 0.1 °C), humidity (02, %), light (04, lux), motion (05, count), battery voltage
     * (07, mV) and occupancy (11: 0 free, 1 pending, 2 occupied).
     */
    static byte[] ersEye(double temperature, int humidity, int light, int motion, int vdd, int occupancy) {
        int tenths = (int) Math.round(temperature * 10);
        return new byte[]{0x01, (byte) (tenths >>> 8), (byte) tenths, 0x02, (byte) humidity,
                0x04, (byte) (light >>> 8), (byte) light, 0x05, (byte) motion, 0x07, (byte) (vdd >>> 8), (byte) vdd,
                0x11, (byte) occupancy};
    }

    /** A vehicle tracker's frame: flags (present, plugged), state of charge, odometer in tenths of a km. */
    static byte[] vehicle(SensorState.Vehicle v) {
        long odometer = v.odometerKm() == null ? 0 : Math.round(v.odometerKm() * 10);
        return new byte[]{0x01, (byte) ((v.present() ? 1 : 0) | (v.plugged() ? 2 : 0)), 0x02, (byte) v.soc(),
                0x03, (byte) (odometer >>> 24), (byte) (odometer >>> 16), (byte) (odometer >>> 8), (byte) odometer};
    }
}
