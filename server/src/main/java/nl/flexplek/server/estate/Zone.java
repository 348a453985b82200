package nl.flexplek.server.estate;

/** A team neighbourhood on a floor; {@code team} is the department that usually sits there. */
public record Zone(String id, String name, String team) {
    public Zone {
        Ids.require(id, "zone id");
        name = Ids.text(name, "zone name", 200);
        team = team == null || team.isBlank() ? null : team.strip();
    }
}
