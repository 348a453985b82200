package nl.flexplek.server.staff;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads only JSON {@code true} and {@code false}. Jackson would also take {@code 1} or {@code "yes"}; for a privacy
 * choice a guess is worse than a 400.
 */
final class StrictBoolean extends StdDeserializer<Boolean> {
    StrictBoolean() {
        super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
    }
}
