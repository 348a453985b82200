package nl.flexplek.server.estate;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** What kind of thing is booked; each type has its own features and booking policy. */
public enum ResourceType implements Coded {
    DESK("desk", Set.of("standing", "dual-monitor", "docking", "quiet", "wheelchair-accessible")),
    ROOM("room", Set.of("screen", "video-conferencing", "accessible", "whiteboard")),
    EBIKE("ebike", Set.of("child-seat", "cargo")),
    ECAR("ecar", Set.of("tow-hitch", "wheelchair-accessible"));

    private final String code;
    private final Set<String> features;

    ResourceType(String code, Set<String> features) {
        this.code = code;
        this.features = features;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The feature tags a resource of this type may carry. */
    public Set<String> features() {
        return features;
    }

    public boolean isVehicle() {
        return this == EBIKE || this == ECAR;
    }

    @JsonCreator
    public static ResourceType of(String code) {
        return Coded.find(ResourceType.class, code).orElseThrow(() -> new IllegalArgumentException("must be one of desk, room, ebike, ecar"));
    }
}
