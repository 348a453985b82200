package nl.flexplek.server.identity;

import java.time.Duration;

/** How long a login lasts, and how long a kiosk device's session lasts. */
public record IdentitySettings(Duration sessionLifetime, Duration kioskSessionLifetime) {
    public IdentitySettings {
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("flexplek.identity.session-lifetime must be positive");
        }
        if (kioskSessionLifetime.isNegative() || kioskSessionLifetime.isZero()) {
            throw new IllegalArgumentException("flexplek.identity.kiosk-session-lifetime must be positive");
        }
    }
}
