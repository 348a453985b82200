package nl.flexplek.server.estate;

/** Where a resource is drawn on its floor map, in the floor plan's units (metres from the plan's origin). */
public record Position(double x, double y) {
    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y) || x < 0 || y < 0 || x > 10_000 || y > 10_000) {
            throw new IllegalArgumentException("position x and y must be between 0 and 10000");
        }
    }
}
