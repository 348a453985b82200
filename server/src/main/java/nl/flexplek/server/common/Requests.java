package nl.flexplek.server.common;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Reads request bodies and query parameters, turning every malformed input into a 400 problem. */
public final class Requests {
    private final ObjectMapper mapper;

    public Requests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Reads a JSON body into a record; the body must be JSON and must fit the record exactly. */
    public <T> T body(ServerRequest req, Class<T> type) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new UnsupportedMediaTypeException("Send the body as application/json.");
        }
        if (!req.content().hasEntity()) {
            throw new InvalidRequestException("The request needs a JSON body.");
        }
        byte[] bytes = req.content().as(byte[].class);
        return parse(bytes, type);
    }

    /** Parses JSON bytes into a record, with problem-shaped errors. */
    public <T> T parse(byte[] bytes, Class<T> type) {
        if (bytes.length == 0) {
            throw new InvalidRequestException("The request needs a JSON body.");
        }
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new InvalidRequestException("The JSON body must be an object, not null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw InvalidRequestException.field(pointer(e), "unknown field");
        } catch (InvalidFormatException e) {
            throw InvalidRequestException.field(pointer(e), "has the wrong format");
        } catch (MismatchedInputException e) {
            String name = pointer(e);
            throw name.isEmpty()
                    ? new InvalidRequestException("The JSON body does not have the expected shape.")
                    : InvalidRequestException.field(name, "has the wrong type");
        } catch (JsonMappingException e) {
            // Record constructors reject values (blank names, bad enums) with IllegalArgumentException.
            Throwable cause = e.getCause();
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : "is not valid";
            String name = pointer(e);
            throw name.isEmpty() ? new InvalidRequestException(reason) : InvalidRequestException.field(name, reason);
        } catch (StreamConstraintsException e) {
            throw new InvalidRequestException("The JSON body is nested too deeply or holds values that are too long.");
        } catch (JsonParseException e) {
            throw new InvalidRequestException("The body is not valid JSON.");
        } catch (IOException e) {
            throw new InvalidRequestException("The body could not be read.");
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** An optional query parameter; blank counts as absent. */
    public static Optional<String> query(ServerRequest req, String name) {
        ApiTrace.queried(name);
        return req.query().first(name).asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    public static String requiredQuery(ServerRequest req, String name) {
        return query(req, name).orElseThrow(() -> InvalidRequestException.field(name, "is required"));
    }

    public static Optional<LocalDate> dateQuery(ServerRequest req, String name) {
        return query(req, name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw InvalidRequestException.field(name, "must be a date like 2026-11-24");
            }
        });
    }

    public static Optional<OffsetDateTime> instantQuery(ServerRequest req, String name) {
        return query(req, name).map(v -> {
            try {
                return OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw InvalidRequestException.field(name, "must be a date-time with offset like 2026-11-24T09:00:00+01:00");
            }
        });
    }

    public static Optional<Integer> intQuery(ServerRequest req, String name, int min, int max) {
        return query(req, name).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw InvalidRequestException.field(name, "must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw InvalidRequestException.field(name, "must be a whole number");
            }
        });
    }

    /** A comma-separated list parameter such as {@code features=standing,quiet}. */
    public static List<String> listQuery(ServerRequest req, String name) {
        ApiTrace.queried(name);
        List<String> out = new ArrayList<>();
        for (String value : req.query().all(name, List::of)) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    /** A path parameter; Helidon only routes here when it is present. */
    public static String path(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }

    public static long longPath(ServerRequest req, String name) {
        try {
            return Long.parseLong(path(req, name));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no " + name + " '" + path(req, name) + "'.");
        }
    }
}
