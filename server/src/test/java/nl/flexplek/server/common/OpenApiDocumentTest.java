package nl.flexplek.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import nl.flexplek.server.App;
import nl.flexplek.server.testing.TestServer;
import nl.flexplek.server.booking.Availability;
import nl.flexplek.server.booking.BookingPolicy;
import nl.flexplek.server.booking.BookingRequest;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.BookingView;
import nl.flexplek.server.booking.CheckInMethod;
import nl.flexplek.server.booking.DayPart;
import nl.flexplek.server.estate.ClosureDay;
import nl.flexplek.server.estate.EstateDocument;
import nl.flexplek.server.estate.Floor;
import nl.flexplek.server.estate.ImportSummary;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Position;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.estate.Zone;
import nl.flexplek.server.identity.Account;
import nl.flexplek.server.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi.yaml} true to the code. It runs a real server ({@link TestServer}) and hands its routing method,
 * {@link App#routing}, a builder that notes every service registered under {@code /api/v1}: the documented operations
 * must be exactly those routes. A second web server on the same App serves the same routing with one filter in front
 * that registers an {@link ApiTrace} per request, and the test drives every documented GET through it with the
 * documented query parameters filled in from their schemas: the parameters the handler asked for (through
 * {@link Requests}) must be exactly the documented ones, and the JSON body it answered with must be of the Java type
 * of the documented response schema. So a parameter the code reads but the document lacks (or the reverse), or a
 * handler that answers with another record than documented, fails here. Each operation's "Who:" line is checked
 * by calling it with real tokens of every role; each schema has the JSON properties of the record it documents.
 */
class OpenApiDocumentTest {
    /** Where the endpoints are mounted, as the document's {@code servers} entry says. */
    private static final String API_PREFIX = App.API;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Values for path parameters, by name, from the test estate; unknown ones get "1" (there is no such thing). */
    private static final Map<String, String> PATH_VALUES = Map.of("siteId", "town-hall", "resourceId", "desk-1",
            "type", "desk");
    /**
     * GETs the test does not drive to a 2xx answer, and why; their handlers still read all their query parameters
     * before they refuse, so those are checked, but their answer's schema is not.
     */
    private static final Map<String, String> NOT_DRIVEN = Map.of(
            "GET /bookings/{id}", "needs a booking",
            "GET /kiosks/{id}", "needs a registered kiosk",
            "GET /calendar-feeds/{secret}/bookings.ics", "needs a feed's secret",
            "GET /availability", "every parameter at once asks for a day part and for times, which is refused");

    /** Each documented schema and the Java type whose JSON it describes. */
    private static final Map<String, Class<?>> SCHEMA_TYPES = schemaTypes();
    /** Schemas with no Java type of their own (Slug and Feature are strings); each is checked in its own way below. */
    private static final Set<String> SCHEMAS_WITHOUT_TYPE = Set.of("Problem", "Slug", "Feature");

    private static final ObjectMapper JSON = Json.createMapper();
    private static JsonNode document;
    private static TestServer app;
    /** "METHOD /path" (relative to the API prefix) for every route the real routing registers under it. */
    private static List<String> routes;
    private static WebServer traced;
    private static volatile ApiTrace lastTrace;
    private static HttpClient client;
    private static final Map<Role, String> TOKENS = new java.util.EnumMap<>(Role.class);

    @BeforeAll
    static void readDocumentAndRouting() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
            assertTrue(in != null, "openapi.yaml is not on the class path");
            document = new YAMLMapper().readTree(in);
        }
        app = TestServer.start();
        HttpRouting.Builder routing = HttpRouting.builder().addFilter((chain, req, res) -> {
            ApiTrace trace = new ApiTrace();
            lastTrace = trace;
            trace.during(chain::proceed);
        });
        RouteNotingBuilder noting = new RouteNotingBuilder(routing);
        app.app().routing(noting.proxy());
        routes = noting.routes;
        traced = WebServer.builder().host("127.0.0.1").port(0).featuresDiscoverServices(false).shutdownHook(false)
                .routing(routing).build().start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (Role role : Role.values()) {
            TOKENS.put(role, login(role));
        }
    }

    private static String login(Role role) {
        return app.login(switch (role) {
            case EMPLOYEE -> "alice";
            case FACILITY_MANAGER -> "carol";
            case KIOSK -> "kiosk-town-hall";
        });
    }

    @AfterAll
    static void stop() {
        if (traced != null) {
            client.close();
            traced.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void documentsExactlyTheRoutesTheRoutingRegisters() {
        assertEquals(API_PREFIX, document.at("/servers/0/url").asText().replaceFirst("^https?://[^/]+", ""),
                "the first server URL must end in " + API_PREFIX);
        Set<String> inCode = new TreeSet<>();
        for (String route : routes) {
            assertTrue(inCode.add(route), "route declared twice: " + route);
        }
        Set<String> documented = documentedOperations().keySet();
        Set<String> undocumented = new TreeSet<>(inCode);
        undocumented.removeAll(documented);
        Set<String> notInCode = new TreeSet<>(documented);
        notInCode.removeAll(inCode);
        assertEquals(Set.of(), undocumented, "routes in the code that openapi.yaml does not document (relative to " + API_PREFIX + ")");
        assertEquals(Set.of(), notInCode, "operations in openapi.yaml that no endpoint declares");
    }

    @Test
    void everyOperationSaysWhoMayCallItAndAnswersWithVersionHeaderAndProblems() {
        Set<String> operationIds = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        documentedOperations().forEach((route, operation) -> {
            String id = operation.path("operationId").asText();
            assertTrue(!id.isEmpty() && operationIds.add(id), route + ": needs a unique operationId");
            assertTrue(operation.path("tags").size() > 0, route + ": needs a tag");
            operation.path("tags").forEach(tag -> assertTrue(tags.contains(tag.asText()), route + ": tag " + tag + " is not declared"));
            Set<Role> who = who(route, operation);
            assertTrue(operation.has("security"), route + ": must state its security");
            boolean isPublic = operation.path("security").isEmpty();
            assertEquals(who == null, isPublic, route + ": 'Who: anyone; no token needed.' goes with 'security: []'");

            JsonNode responses = operation.path("responses");
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            assertTrue(codes.stream().anyMatch(c -> c.startsWith("2")), route + ": needs a 2xx answer");
            for (String code : codes) {
                JsonNode response = resolve(responses.path(code));
                assertTrue(response.path("headers").has("API-Version"), route + " " + code + ": needs the API-Version header");
                if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode problem = response.path("content").path(ProblemResponder.PROBLEM_JSON).path("schema");
                    assertEquals("#/components/schemas/Problem", problem.path("$ref").asText(),
                            route + " " + code + ": must be application/problem+json with the Problem schema");
                }
            }
            boolean hasInput = operation.has("requestBody") || operation.path("parameters").size() > 0;
            if (hasInput) {
                assertTrue(codes.contains("400"), route + ": takes input, so must document 400");
            }
            if (!isPublic) {
                assertTrue(codes.contains("401"), route + ": needs a token, so must document 401");
                if (!who.equals(EnumSet.allOf(Role.class))) {
                    assertTrue(codes.contains("403"), route + ": not every role may call it, so must document 403");
                }
            }
            if (operation.has("requestBody")) {
                assertTrue(codes.contains("415"), route + ": reads a body, so must document 415");
            }
        });
    }

    @Test
    void rolesInTheDocumentAreTheRolesTheCodeAllows() {
        List<String> wrong = new ArrayList<>();
        documentedOperations().forEach((route, operation) -> {
            Set<Role> who = who(route, operation);
            String method = route.substring(0, route.indexOf(' '));
            // Only reads reach real things; a change is sent without a body to something that does not exist.
            String path = fill(route, method.equals("GET"));
            int anonymous = call(method, path, null).status();
            if (who == null ? anonymous == 401 : anonymous != 401) {
                wrong.add(route + " without a token answers " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = call(method, path, role).status();
                boolean allowed = who == null || who.contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(route + " as " + role.code() + " answers " + status + " but the document says "
                            + (allowed ? "allowed" : "not allowed"));
                }
                if (route.equals("DELETE /sessions/current")) {
                    TOKENS.put(role, login(role)); // that was a logout
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyGetReadsTheDocumentedQueryParametersAndAnswersWithTheDocumentedSchema() {
        List<String> wrong = new ArrayList<>();
        int checkedAnswers = 0;
        for (Map.Entry<String, JsonNode> entry : documentedOperations().entrySet()) {
            String route = entry.getKey();
            JsonNode operation = entry.getValue();
            if (!route.startsWith("GET ")) {
                continue;
            }
            Set<String> documented = new TreeSet<>();
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : operation.path("parameters")) {
                parameter = resolve(parameter);
                if (parameter.path("in").asText().equals("query")) {
                    String name = parameter.path("name").asText();
                    documented.add(name);
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                            .append(java.net.URLEncoder.encode(sample(name, resolve(parameter.path("schema"))),
                                    java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            Set<Role> who = who(route, operation);
            Role caller = who == null || who.contains(Role.FACILITY_MANAGER) ? Role.FACILITY_MANAGER : who.iterator().next();
            Answer answer = call("GET", fill(route, true) + query, caller);
            boolean driven = !NOT_DRIVEN.containsKey(route);
            if (answer.status() == 401 || answer.status() == 403 || driven && answer.status() / 100 != 2) {
                wrong.add(route + query + " as " + caller.code() + " answers " + answer.status()
                        + "; fill its parameters in sample() or PATH_VALUES, or list it in NOT_DRIVEN");
                continue;
            }
            Set<String> read = new TreeSet<>(answer.trace().queryParameters());
            if (!read.equals(documented)) {
                wrong.add(route + " documents the query parameters " + documented + " but its handler reads " + read);
            }
            String schema = resolve(operation.path("responses").path(Integer.toString(answer.status())))
                    .path("content").path("application/json").path("schema").path("$ref").asText();
            if (driven && !schema.isEmpty()) {
                Class<?> expected = SCHEMA_TYPES.get(schema.substring(schema.lastIndexOf('/') + 1));
                if (!answer.trace().answers().equals(List.of(expected))) {
                    wrong.add(route + " documents " + schema + " (" + expected + ") but answers with "
                            + answer.trace().answers());
                }
                checkedAnswers++;
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checkedAnswers >= 14, "only " + checkedAnswers + " JSON answers were checked");
    }

    /** A value that fits a query parameter's schema (the test estate's ids for ids). */
    private static String sample(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return switch (name) {
            case "siteId" -> "town-hall";
            case "resourceId" -> "desk-1";
            case "zoneId" -> "th-1-ict";
            case "token" -> TOKENS.get(Role.KIOSK);
            case "username" -> "alice";
            default -> switch (schema.path("type").asText()) {
                case "integer" -> schema.has("minimum") ? schema.path("minimum").asText() : "1";
                case "boolean" -> "true";
                case "array" -> sample(name, resolve(schema.path("items")));
                default -> switch (schema.path("format").asText()) {
                    case "date" -> name.equals("to") ? "2026-11-27" : "2026-11-23";
                    case "date-time" -> name.equals("to") || name.equals("end") ? "2026-11-23T17:00:00+01:00"
                            : "2026-11-23T09:00:00+01:00";
                    default -> schema.has("example") ? schema.path("example").asText() : "x";
                };
            };
        };
    }

    /** The route's path with its parameters filled in: real ids from the test estate, or ids that do not exist. */
    private static String fill(String route, boolean real) {
        String path = route.substring(route.indexOf(' ') + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = !real ? "1"
                    : name.equals("id") ? (path.startsWith("/sites/") ? "town-hall" : path.startsWith("/resources/") ? "desk-1" : "1")
                    : PATH_VALUES.getOrDefault(name, "1");
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void servesTheDocumentAsJsonAndYaml() throws Exception {
        Answer json = call("GET", "/openapi.json", null);
        assertEquals(200, json.status());
        assertEquals(document, JSON.readTree(json.body()));
        Answer yaml = call("GET", "/openapi.yaml", null);
        assertEquals(200, yaml.status());
        assertEquals(document, new YAMLMapper().readTree(yaml.body()));
    }

    @Test
    void schemasHaveTheJsonPropertiesAndTypesOfTheirRecords() {
        JsonNode schemas = document.at("/components/schemas");
        Set<String> documented = new TreeSet<>();
        schemas.fieldNames().forEachRemaining(documented::add);
        Set<String> known = new TreeSet<>(SCHEMA_TYPES.keySet());
        known.addAll(SCHEMAS_WITHOUT_TYPE);
        assertEquals(known, documented, "every schema needs its Java type in SCHEMA_TYPES (or SCHEMAS_WITHOUT_TYPE)");

        List<String> wrong = new ArrayList<>();
        SCHEMA_TYPES.forEach((name, type) -> {
            JsonNode schema = schemas.path(name);
            if (type.isEnum()) {
                return;
            }
            Map<String, JavaType> written = serializedProperties(type);
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            if (!properties.equals(written.keySet())) {
                wrong.add(name + " has properties " + properties + " but " + type.getSimpleName() + " writes " + written.keySet());
                return;
            }
            Set<String> read = deserializedProperties(type);
            if (!read.equals(written.keySet())) {
                wrong.add(type.getSimpleName() + " reads " + read + " but writes " + written.keySet());
            }
            written.forEach((property, javaType) -> checkType(name + "." + property, schema.path("properties").path(property), javaType, wrong));
            // A primitive is always written, and a request without it is refused (FAIL_ON_NULL_FOR_PRIMITIVES).
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getType().isPrimitive() && written.containsKey(component.getName())
                            && !contains(schema.path("required"), component.getName())) {
                        wrong.add(name + "." + component.getName() + " is a primitive, so it must be required");
                    }
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void enumsListTheCodesOfTheirJavaEnums() {
        SCHEMA_TYPES.forEach((name, type) -> {
            if (type.isEnum()) {
                assertEquals(codes(type), values(document.at("/components/schemas/" + name + "/enum")), name + " enum");
            }
        });
        Set<String> features = new TreeSet<>();
        for (ResourceType type : ResourceType.values()) {
            features.addAll(type.features());
        }
        assertEquals(features, values(document.at("/components/schemas/Feature/enum")), "Feature enum");
    }

    @Test
    void problemSchemaHasTheMembersTheResponderWritesAndNamesEveryType() {
        JsonNode problem = document.at("/components/schemas/Problem");
        Set<String> properties = new TreeSet<>();
        problem.path("properties").fieldNames().forEachRemaining(properties::add);
        // The members ProblemResponder.send writes.
        assertEquals(new TreeSet<>(Set.of("type", "title", "status", "detail", "instance", "errors", "rule",
                "conflict", "alternatives")), properties);
        assertEquals(new TreeSet<>(Set.of("name", "reason")),
                serializedProperties(ProblemException.FieldError.class).keySet(), "FieldError members");
        String description = problem.path("description").asText();
        for (ProblemKind kind : ProblemKind.values()) {
            assertTrue(description.contains(kind.type() + " (" + kind.status() + ")"),
                    "the Problem description must list " + kind.type() + " (" + kind.status() + ")");
        }
        assertEquals(ApiHeaders.API_VERSION, document.at("/info/version").asText(), "info.version is the API-Version header");
    }

    // ---- the document

    /** "METHOD /path" to its operation, for every operation in the document. */
    private static Map<String, JsonNode> documentedOperations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    /** The roles a description's "Who:" line names, or null for a public operation. */
    private static Set<Role> who(String route, JsonNode operation) {
        String line = operation.path("description").asText().lines()
                .filter(l -> l.startsWith("Who: ")).findFirst()
                .orElseThrow(() -> new AssertionError(route + ": the description needs a 'Who: ...' line"));
        String who = line.substring("Who: ".length()).replaceAll("\\s*\\(.*\\)", "").replaceAll("\\.$", "").trim();
        if (who.equals("anyone; no token needed")) {
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : who.split(", | and ")) {
            roles.add(switch (part.trim()) {
                case "employees" -> Role.EMPLOYEE;
                case "facility managers" -> Role.FACILITY_MANAGER;
                case "kiosks" -> Role.KIOSK;
                default -> throw new AssertionError(route + ": unknown role '" + part + "' in '" + line + "'");
            });
        }
        return roles;
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? resolve(document.at(ref.substring(1))) : node;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> codes(Class<?> enumType) {
        Set<String> codes = new TreeSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            codes.add(((Coded) constant).code());
        }
        return codes;
    }

    /** Checks that a property's schema fits the Java type Jackson writes for it. */
    private static void checkType(String where, JsonNode propertySchema, JavaType javaType, List<String> wrong) {
        JsonNode schema = propertySchema;
        String ref = schema.path("$ref").asText();
        Class<?> raw = javaType.getRawClass();
        if (!ref.isEmpty()) {
            String target = ref.substring(ref.lastIndexOf('/') + 1);
            Class<?> expected = SCHEMAS_WITHOUT_TYPE.contains(target) ? String.class : SCHEMA_TYPES.get(target);
            if (raw != expected) {
                wrong.add(where + " refers to " + target + " but the Java type is " + raw.getSimpleName());
            }
            return;
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        boolean fits = switch (type) {
            case "integer" -> format.equals("int64") ? raw == long.class || raw == Long.class
                    : raw == int.class || raw == Integer.class;
            case "number" -> raw == double.class || raw == Double.class;
            case "boolean" -> raw == boolean.class || raw == Boolean.class;
            case "array" -> {
                if (Collection.class.isAssignableFrom(raw)) {
                    checkType(where + "[]", schema.path("items"), javaType.getContentType(), wrong);
                    yield true;
                }
                yield false;
            }
            case "string" -> switch (format) {
                case "date" -> raw == LocalDate.class;
                case "date-time" -> raw == Instant.class || raw == OffsetDateTime.class;
                default -> raw == String.class || raw == ZoneId.class
                        || (schema.has("enum") && Coded.class.isAssignableFrom(raw) && codes(raw).containsAll(values(schema.path("enum"))));
            };
            default -> false;
        };
        if (!fits) {
            wrong.add(where + " is documented as " + type + (format.isEmpty() ? "" : "/" + format)
                    + " but the Java type is " + javaType.toCanonical());
        }
    }

    // ---- the code

    private static Map<String, Class<?>> schemaTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("FieldError", ProblemException.FieldError.class);
        types.put("Credentials", nested("nl.flexplek.server.identity.SessionEndpoint$Credentials"));
        types.put("Session", nested("nl.flexplek.server.identity.SessionEndpoint$SessionView"));
        types.put("Account", Account.class);
        types.put("Role", Role.class);
        types.put("SiteList", nested("nl.flexplek.server.estate.EstateEndpoint$SiteList"));
        types.put("Site", Site.class);
        types.put("OpeningHours", OpeningHours.class);
        types.put("ClosureDay", ClosureDay.class);
        types.put("Floor", Floor.class);
        types.put("Zone", Zone.class);
        types.put("ResourceType", ResourceType.class);
        types.put("Resource", Resource.class);
        types.put("Position", Position.class);
        types.put("ResourceList", nested("nl.flexplek.server.estate.EstateEndpoint$ResourceList"));
        types.put("ResourcePatch", nested("nl.flexplek.server.estate.EstateEndpoint$ResourcePatch"));
        types.put("EstateDocument", EstateDocument.class);
        types.put("ImportSummary", ImportSummary.class);
        types.put("DayPart", DayPart.class);
        types.put("BookingStatus", BookingStatus.class);
        types.put("CheckInMethod", CheckInMethod.class);
        types.put("BookingRequest", BookingRequest.class);
        types.put("Booking", BookingView.class);
        types.put("BookingOwner", BookingView.Owner.class);
        types.put("BookingList", nested("nl.flexplek.server.booking.BookingEndpoint$BookingList"));
        types.put("CheckInRequest", nested("nl.flexplek.server.booking.BookingEndpoint$CheckInRequest"));
        types.put("BookingPolicy", BookingPolicy.class);
        types.put("PolicyList", nested("nl.flexplek.server.booking.PolicyEndpoint$PolicyList"));
        types.put("Availability", Availability.class);
        types.put("SiteOccupancy", nested("nl.flexplek.server.occupancy.OccupancyEndpoint$SiteOccupancy"));
        types.put("LiveState", nl.flexplek.server.occupancy.LiveState.class);
        types.put("LiveSensor", nl.flexplek.server.occupancy.LiveState.Sensor.class);
        types.put("ResourceState", nl.flexplek.server.occupancy.ResourceState.class);
        types.put("SensorStatus", nl.flexplek.server.occupancy.SensorStatus.class);
        types.put("SensorKind", nl.flexplek.server.occupancy.SensorKind.class);
        types.put("SensorList", nested("nl.flexplek.server.occupancy.OccupancyEndpoint$SensorList"));
        types.put("Sensor", nl.flexplek.server.occupancy.SensorView.class);
        types.put("Board", nl.flexplek.server.board.Board.class);
        types.put("BoardSite", nl.flexplek.server.board.Board.SiteSummary.class);
        types.put("OpeningToday", nl.flexplek.server.board.Board.OpeningToday.class);
        types.put("BoardLinks", nl.flexplek.server.board.Board.Links.class);
        types.put("FloorBoard", nl.flexplek.server.board.Board.FloorBoard.class);
        types.put("ZoneSummary", nl.flexplek.server.board.Board.ZoneSummary.class);
        types.put("DeskEntry", nl.flexplek.server.board.DeskEntry.class);
        types.put("RoomEntry", nl.flexplek.server.board.RoomEntry.class);
        types.put("VehicleEntry", nl.flexplek.server.board.VehicleEntry.class);
        types.put("TimeSlot", nl.flexplek.server.board.TimeSlot.class);
        types.put("KioskRequest", nl.flexplek.server.board.KioskRequest.class);
        types.put("Kiosk", nl.flexplek.server.board.Kiosk.class);
        types.put("RegisteredKiosk", nl.flexplek.server.board.RegisteredKiosk.class);
        types.put("AvailableResource", nl.flexplek.server.booking.AvailableResource.class);
        types.put("Alternative", nl.flexplek.server.booking.Alternative.class);
        types.put("Profile", nl.flexplek.server.staff.Profile.class);
        types.put("UsualDesk", nl.flexplek.server.staff.Profile.UsualDesk.class);
        types.put("Preferences", nl.flexplek.server.staff.Preferences.class);
        types.put("Colleague", nl.flexplek.server.staff.Colleague.class);
        types.put("CalendarFeed", nested("nl.flexplek.server.calendar.CalendarFeedEndpoint$FeedAddress"));
        types.put("Today", nl.flexplek.server.insights.Today.class);
        types.put("FloorNow", nl.flexplek.server.insights.Today.FloorNow.class);
        types.put("VehicleNow", nl.flexplek.server.insights.Today.VehicleNow.class);
        types.put("SensorHealth", nl.flexplek.server.insights.Today.SensorHealth.class);
        types.put("Utilization", nl.flexplek.server.insights.Utilization.class);
        types.put("UtilizationSummary", nl.flexplek.server.insights.Utilization.Summary.class);
        types.put("Heatmap", nl.flexplek.server.insights.Utilization.Heatmap.class);
        types.put("HeatmapRow", nl.flexplek.server.insights.Utilization.HeatmapRow.class);
        types.put("DayFigures", nl.flexplek.server.insights.Utilization.DayFigures.class);
        types.put("ZoneFigures", nl.flexplek.server.insights.Utilization.ZoneFigures.class);
        types.put("VehicleUsage", nl.flexplek.server.insights.VehicleUsage.class);
        types.put("VehicleFigures", nl.flexplek.server.insights.VehicleUsage.VehicleFigures.class);
        return types;
    }

    /** The endpoints' own body records are package-private; the test reaches them by name. */
    private static Class<?> nested(String name) {
        try {
            return Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the record " + name + " is gone; update SCHEMA_TYPES", e);
        }
    }

    /** The JSON properties Jackson writes for a type, with the Java type of each. */
    private static Map<String, JavaType> serializedProperties(Class<?> type) {
        try {
            JsonSerializer<Object> serializer = JSON.getSerializerProviderInstance().findValueSerializer(type);
            if (!(serializer instanceof BeanSerializerBase bean)) {
                throw new AssertionError(type + " is not written as a JSON object");
            }
            Map<String, JavaType> properties = new LinkedHashMap<>();
            for (Iterator<PropertyWriter> it = bean.properties(); it.hasNext(); ) {
                PropertyWriter writer = it.next();
                properties.put(writer.getName(), writer.getType());
            }
            return properties;
        } catch (IOException e) {
            throw new AssertionError(type + " cannot be written", e);
        }
    }

    /** The JSON properties Jackson reads into a type. */
    private static Set<String> deserializedProperties(Class<?> type) {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) JSON.getDeserializationContext())
                .createDummyInstance(JSON.getDeserializationConfig());
        try {
            if (context.findRootValueDeserializer(JSON.constructType(type)) instanceof BeanDeserializerBase bean) {
                Set<String> names = new TreeSet<>();
                bean.properties().forEachRemaining(p -> names.add(p.getName()));
                return names;
            }
            throw new AssertionError(type + " is not read from a JSON object");
        } catch (IOException e) {
            throw new AssertionError(type + " cannot be read", e);
        }
    }

    // ---- calling the traced server

    /** An answer with what its handler read and wrote. */
    private record Answer(int status, String body, ApiTrace trace) {
    }

    private static Answer call(String method, String path, Role role) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + traced.port() + API_PREFIX + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (role != null) {
            builder.header("Authorization", "Bearer " + TOKENS.get(role));
        }
        lastTrace = null;
        try {
            HttpResponse<InputStream> res = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = res.body()) {
                // An event stream never ends; its headers are the answer.
                body = res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")
                        ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            return new Answer(res.statusCode(), body, lastTrace == null ? new ApiTrace() : lastTrace);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Wraps the real routing builder: everything goes to it, and each service registered under the API prefix is
     * also asked for its routes, so the test sees the routes exactly as {@link App#routing} registers them.
     */
    private static final class RouteNotingBuilder implements java.lang.reflect.InvocationHandler {
        private final HttpRouting.Builder real;
        private final List<String> routes = new ArrayList<>();
        private HttpRouting.Builder proxy;

        RouteNotingBuilder(HttpRouting.Builder real) {
            this.real = real;
        }

        HttpRouting.Builder proxy() {
            proxy = (HttpRouting.Builder) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpRouting.Builder.class}, this);
            return proxy;
        }

        @Override
        public Object invoke(Object self, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("register") && args.length == 2 && args[0] instanceof String path
                    && args[1] instanceof HttpService[] services) {
                assertTrue(!path.startsWith("/api") || path.equals(API_PREFIX), "services mounted at " + path);
                if (path.equals(API_PREFIX)) {
                    for (HttpService service : services) {
                        RouteRecorder recorder = new RouteRecorder("");
                        service.routing(recorder);
                        routes.addAll(recorder.routes);
                    }
                }
            }
            try {
                Object result = method.invoke(real, args);
                return result == real ? proxy : result;
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Records "METHOD /path" for each route an HttpService declares; anything it cannot read fails the test. */
    private static final class RouteRecorder implements HttpRules {
        private final String prefix;
        private final List<String> routes = new ArrayList<>();

        RouteRecorder(String prefix) {
            this.prefix = prefix;
        }

        private HttpRules add(Method method, String path) {
            routes.add(method.text() + " " + prefix + path);
            return this;
        }

        @Override
        public HttpRules register(HttpService... services) {
            return register("", services);
        }

        @Override
        public HttpRules register(String path, HttpService... services) {
            for (HttpService service : services) {
                RouteRecorder nested = new RouteRecorder(prefix + path);
                service.routing(nested);
                routes.addAll(nested.routes);
            }
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            return fail("an HttpRoute object cannot be read; declare routes with get/post/put/delete/patch(path, handler)");
        }

        @Override
        public HttpRules route(Supplier<? extends HttpRoute> route) {
            return route(route.get());
        }

        @Override
        public HttpRules route(Method method, String pathPattern, Handler handler) {
            return add(method, pathPattern);
        }

        @Override
        public HttpRules route(Method method, PathMatcher pathMatcher, Handler handler) {
            return fail("a PathMatcher route cannot be documented: " + pathMatcher);
        }

        @Override
        public HttpRules route(Predicate<Method> methodPredicate, PathMatcher pathMatcher, Handler handler) {
            return fail("a route for several methods cannot be documented: " + pathMatcher);
        }

        @Override
        public HttpRules route(Method method, Handler handler) {
            return add(method, "");
        }

        @Override
        public HttpRules route(Method method, String pathPattern, Consumer<ServerRequest> handler) {
            return add(method, pathPattern);
        }

        @Override
        public HttpRules route(Method method, String pathPattern, Function<ServerRequest, ?> handler) {
            return add(method, pathPattern);
        }

        @Override
        public HttpRules route(Method method, String pathPattern, Supplier<?> handler) {
            return add(method, pathPattern);
        }

        @Override
        public HttpRules get(String pathPattern, Handler... handlers) {
            return add(Method.GET, pathPattern);
        }

        @Override
        public HttpRules get(Handler... handlers) {
            return add(Method.GET, "");
        }

        @Override
        public HttpRules post(String pathPattern, Handler... handlers) {
            return add(Method.POST, pathPattern);
        }

        @Override
        public HttpRules post(Handler... handlers) {
            return add(Method.POST, "");
        }

        @Override
        public HttpRules put(String pathPattern, Handler... handlers) {
            return add(Method.PUT, pathPattern);
        }

        @Override
        public HttpRules put(Handler... handlers) {
            return add(Method.PUT, "");
        }

        @Override
        public HttpRules delete(String pathPattern, Handler... handlers) {
            return add(Method.DELETE, pathPattern);
        }

        @Override
        public HttpRules delete(Handler... handlers) {
            return add(Method.DELETE, "");
        }

        @Override
        public HttpRules patch(String pathPattern, Handler... handlers) {
            return add(Method.PATCH, pathPattern);
        }

        @Override
        public HttpRules patch(Handler... handlers) {
            return add(Method.PATCH, "");
        }

        @Override
        public HttpRules head(String pathPattern, Handler... handlers) {
            return add(Method.HEAD, pathPattern);
        }

        @Override
        public HttpRules head(Handler... handlers) {
            return add(Method.HEAD, "");
        }

        @Override
        public HttpRules options(String pathPattern, Handler... handlers) {
            return add(Method.OPTIONS, pathPattern);
        }

        @Override
        public HttpRules options(Handler... handlers) {
            return add(Method.OPTIONS, "");
        }

        @Override
        public HttpRules trace(String pathPattern, Handler... handlers) {
            return add(Method.TRACE, pathPattern);
        }

        @Override
        public HttpRules trace(Handler... handlers) {
            return add(Method.TRACE, "");
        }

        @Override
        public HttpRules any(String pathPattern, Handler... handlers) {
            return fail("a route for any method cannot be documented: " + pathPattern);
        }

        @Override
        public HttpRules any(Handler... handlers) {
            return fail("a route for any method cannot be documented");
        }
    }
}
