package nl.flexplek.server.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes JSON answers with the shared ObjectMapper. */
public final class Responses {
    private final ObjectMapper mapper;

    public Responses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void ok(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    public void created(ServerResponse res, String location, Object body) {
        res.header(HeaderNames.LOCATION, location);
        send(res, Status.CREATED_201, body);
    }

    public void send(ServerResponse res, Status status, Object body) {
        ApiTrace.answered(body);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            res.send(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response could not be written as JSON", e);
        }
    }

    public static void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204).send();
    }
}
