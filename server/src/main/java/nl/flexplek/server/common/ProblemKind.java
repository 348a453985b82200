package nl.flexplek.server.common;

/**
 * The kinds of problem the API answers with. The slug makes the stable {@code type} URI; the title is fixed per kind
 * (RFC 9457 says a title must not change from occurrence to occurrence).
 */
public enum ProblemKind {
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict with the current state"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    POLICY_VIOLATION(422, "policy-violation", "Booking policy violated"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused for a different request"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    INTERNAL(500, "internal-error", "Internal server error");

    /** Problem type URIs are resolvable documentation anchors on the API's own OpenAPI description. */
    public static final String TYPE_BASE = "https://flexplek.nl/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }
}
