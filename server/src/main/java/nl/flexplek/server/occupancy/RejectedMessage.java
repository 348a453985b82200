package nl.flexplek.server.occupancy;

/** A sensor message that cannot be used; the reason is a short code that metrics count by. */
final class RejectedMessage extends Exception {
    private final String reason;

    RejectedMessage(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
