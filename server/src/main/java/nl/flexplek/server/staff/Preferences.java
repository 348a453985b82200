package nl.flexplek.server.staff;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** What a person chooses for themselves: whether teammates may see where they sit today. */
public record Preferences(@JsonDeserialize(using = StrictBoolean.class) Boolean findableByTeam) {
    public Preferences {
        if (findableByTeam == null) {
            throw new IllegalArgumentException("findableByTeam is required: true or false");
        }
    }
}
