package nl.flexplek.server.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.LogManager;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.flexplek.server.App;
import nl.flexplek.server.booking.DayPart;
import nl.flexplek.server.common.ProblemException;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.identity.NewAccount;
import nl.flexplek.server.identity.Account;
import nl.flexplek.server.identity.Role;
import nl.flexplek.server.bench.BookingPlan.Caller;
import nl.flexplek.server.bench.BookingPlan.Booking;
import nl.flexplek.server.bench.BookingPlan.Quota;
import org.sqlite.SQLiteConfig.SynchronousMode;

/**
 * Booking benchmark: how fast the server takes bookings over HTTP, with and without contention, how quickly it
 * answers availability searches on the full demo estate, and how the create rate compares with the raw rate of
 * inserting the same rows into SQLite through plain JDBC. A program, not a test: {@code mvn test} never runs it.
 * <p>
 * Run it from the repository root, with {@code JAVA_HOME} on a JDK 21 or newer (about 2.5 minutes on 2 cores):
 * <pre>
 * mvn -q -B -pl server -Pbench test-compile exec:exec
 * </pre>
 * The {@code bench} profile of {@code server/pom.xml} forks {@code $JAVA_HOME/bin/java
 * --enable-native-access=ALL-UNNAMED} with the test classpath. Options go in {@code -Dbench.args="..."}, e.g.
 * {@code -Dbench.args="--clients=16,32,64 --bookings=4000 --keep"}; see {@link Options}.
 * <p>
 * One JVM holds the server (demo estate, demo accounts, a history of about 200,000 bookings in a fresh SQLite file
 * under the temp directory) and the load generator ({@link java.net.http.HttpClient}, HTTP/1.1, one virtual thread per
 * client), so both share the machine's cores; the report says how the CPU was split. The clock is fixed at Monday
 * 2026-11-23 08:00 in Amsterdam, so every run makes the same history and the same bookings. Before measuring
 * creates it books and cancels for 30 seconds: with less, the JIT compiler still takes a third of the CPU and the
 * figures say more about warm-up than about the server. Before each measured run it waits up to 4 seconds for other
 * processes on the machine to go quiet, and reports how much CPU they took anyway.
 */
public final class BookingBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_CREATE_RATE = 2_000;
    private static final double TARGET_RAW_RATIO = 0.5;
    private static final double TARGET_SEARCH_P99_MS = 20;
    private static final int WARM_ACCOUNTS = 32;
    private static final int RACE_WARMUP_SLOTS = 60;

    /**
     * What to run. {@code --weeks}: weeks of demo history (195 makes about 200,000 bookings); {@code --clients}:
     * concurrent clients for the uncontended create runs; {@code --bookings}: bookings per create run;
     * {@code --warmup}: searches and GET /me calls made before measuring them; {@code --warmup-seconds}: how long
     * to create and cancel bookings before measuring creates (the JIT needs tens of seconds); {@code --race-clients},
     * {@code --race-slots}: clients racing for the same room slots and how many slots; {@code --searches}:
     * availability searches per run; {@code --search-clients}: clients of the saturating search run;
     * {@code --search-rate}: searches per second of the open-loop (fixed arrival rate) latency runs;
     * {@code --keep}: keep the database files; {@code --set=key=value} (repeatable): override a server setting for
     * an experiment, e.g. {@code --set=server.connection-options.tcp-no-delay=true}. Without {@code --set} the server
     * runs with its own {@code application.yaml}.
     */
    record Options(int weeks, List<Integer> clients, int bookings, int warmup, int warmupSeconds, int raceClients,
                   int raceSlots,
                   int searches, int searchClients, int searchRate, boolean keep, Map<String, String> serverConfig) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            Map<String, String> serverConfig = new LinkedHashMap<>();
            for (String arg : args) {
                for (String part : arg.trim().split("\\s+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    String[] kv = part.replaceFirst("^--", "").split("=", 2);
                    if (kv[0].equals("set")) {
                        String[] setting = kv.length > 1 ? kv[1].split("=", 2) : new String[0];
                        if (setting.length != 2) {
                            throw new IllegalArgumentException("--set needs key=value, e.g. --set=server.connection-options.tcp-no-delay=true");
                        }
                        serverConfig.put(setting[0], setting[1]);
                        continue;
                    }
                    given.put(kv[0], kv.length > 1 ? kv[1] : "true");
                }
            }
            Options options = new Options(
                    Integer.parseInt(given.getOrDefault("weeks", "195")),
                    Arrays.stream(given.getOrDefault("clients", "16,32,64").split(",")).map(Integer::parseInt).toList(),
                    Integer.parseInt(given.getOrDefault("bookings", "4000")),
                    Integer.parseInt(given.getOrDefault("warmup", "3000")),
                    Integer.parseInt(given.getOrDefault("warmup-seconds", "30")),
                    Integer.parseInt(given.getOrDefault("race-clients", "64")),
                    Integer.parseInt(given.getOrDefault("race-slots", "120")),
                    Integer.parseInt(given.getOrDefault("searches", "3000")),
                    Integer.parseInt(given.getOrDefault("search-clients", "16")),
                    Integer.parseInt(given.getOrDefault("search-rate", "400")),
                    Boolean.parseBoolean(given.getOrDefault("keep", "false")),
                    Map.copyOf(serverConfig));
            Set<String> known = Set.of("weeks", "clients", "bookings", "warmup", "warmup-seconds", "race-clients", "race-slots",
                    "searches", "search-clients", "search-rate", "keep");
            given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("Unknown option --" + k + "; known: " + known);
            });
            return options;
        }
    }

    private final App app;
    private final Options options;
    private final Path dir;
    private final Path dbFile;
    private final Estate estate;
    private final LocalDate today;
    private final HttpClient http;
    private final String base;
    private final List<String> report = new ArrayList<>();
    private final Queue<String> surprises = new ConcurrentLinkedQueue<>();
    private final List<LoadRunner.Result> measured = new ArrayList<>();
    /** People whose tokens the availability searches use, in turn. */
    private List<Caller> searchers = List.of();

    private BookingBenchmark(App app, Options options, Path dir, Path dbFile) {
        this.app = app;
        this.options = options;
        this.dir = dir;
        this.dbFile = dbFile;
        this.estate = app.estate().estate();
        this.today = NOW.atZone(estate.sites().values().iterator().next().zone()).toLocalDate();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = "http://127.0.0.1:" + app.port() + "/api/v1";
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        quietLogging();
        Path dir = Files.createTempDirectory("flexplek-bench-");
        Path dbFile = dir.resolve("bench.db");
        Map<String, String> settings = new HashMap<>(options.serverConfig());
        settings.putAll(Map.of(
                "server.port", "0",
                "server.host", "127.0.0.1",
                "flexplek.demo", "true",
                "flexplek.demo-history-weeks", Integer.toString(options.weeks()),
                "flexplek.database.url", "jdbc:sqlite:" + dbFile));
        Config config = Config.just(ConfigSources.create(settings), ConfigSources.classpath("application.yaml"));
        say("Flexplek booking benchmark: %d cores, Java %s, database in %s", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), dir);
        say("Starting the server with the demo estate and %d weeks of history ...", options.weeks());
        long started = System.nanoTime();
        App app = App.start(config, Clock.fixed(NOW, ZoneOffset.UTC));
        double startSeconds = (System.nanoTime() - started) / 1e9;
        try {
            new BookingBenchmark(app, options, dir, dbFile).run(startSeconds);
        } finally {
            app.close();
            if (!options.keep()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    private void run(double startSeconds) throws Exception {
        long benchStarted = System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        report.add(String.format(Locale.ROOT, "Flexplek booking benchmark (%d cores, server and clients in one JVM: "
                + "the load generator's CPU is taken from the server)", cores));
        report.add(String.format(Locale.ROOT, "clock fixed at %s; java %s; SQLite file on %s; server settings: %s",
                NOW, Runtime.version(), dir, options.serverConfig().isEmpty() ? "application.yaml as is"
                        : "application.yaml with " + options.serverConfig()));

        long historyCount;
        long lastHistoryId;
        try (Connection db = RawSqlite.open(dbFile, SynchronousMode.FULL, true)) {
            historyCount = single(db, "SELECT count(*) FROM booking");
            lastHistoryId = single(db, "SELECT max(id) FROM booking");
        }
        report.add(String.format(Locale.ROOT, "history bookings: %,d (%d weeks; server started in %.1f s)",
                historyCount, options.weeks(), startSeconds));

        // Accounts. The policies allow 20 upcoming rooms and 10 upcoming desks per person, so tens of thousands of
        // bookings need about a thousand people: the 200 demo employees plus bench accounts made through the
        // server's own IdentityService (one Argon2 hash for all). HTTP clients log in over HTTP; the in-process
        // run needs no token.
        int httpBookings = options.bookings() * options.clients().size();
        int httpAccounts = httpBookings * 7 / 8 / 17 + 20;
        int directAccounts = options.bookings() * 7 / 8 / 20 + 20;
        List<Caller> demo = employees("employee%");
        int benchHttp = Math.max(0, httpAccounts - demo.size());
        createAccounts("bench-http-", benchHttp);
        createAccounts("bench-direct-", directAccounts);
        createAccounts("bench-race-", options.raceClients());
        createAccounts("bench-warm-", WARM_ACCOUNTS);
        List<Caller> people = new ArrayList<>(demo);
        people.addAll(employees("bench-http-%"));
        List<Caller> racing = employees("bench-race-%");
        List<Caller> warming = employees("bench-warm-%");
        List<Caller> loggedIn = logIn(Stream.of(people, racing, warming).flatMap(List::stream).toList());
        Map<String, Caller> byName = loggedIn.stream().collect(Collectors.toMap(Caller::username, a -> a));
        List<Caller> httpPeople = people.stream().map(a -> byName.get(a.username())).toList();
        List<Caller> racers = racing.stream().map(a -> byName.get(a.username())).toList();
        List<Quota> warmQuotas = quotas(warming.stream().map(a -> byName.get(a.username())).toList());
        searchers = httpPeople;
        List<Quota> httpQuotas = quotas(httpPeople);
        List<Quota> directQuotas = quotas(employees("bench-direct-%"));

        // The raw SQLite runs insert into copies of the database as it is now: history and accounts, no new bookings.
        Path template = dir.resolve("template.db");
        long lastSetupId;
        try (Connection db = RawSqlite.open(dbFile, SynchronousMode.FULL, true)) {
            RawSqlite.snapshot(db, template);
            lastSetupId = single(db, "SELECT max(id) FROM booking");
        }
        if (lastSetupId != lastHistoryId) {
            throw new IllegalStateException("Bookings appeared during setup");
        }

        List<Resource> raceRooms = estate.resourcesAt("stadhuis", ResourceType.ROOM).stream().limit(3).toList();
        BookingPlan plan = BookingPlan.of(estate, today, raceRooms.stream().map(Resource::id).collect(Collectors.toSet()));
        say("Plan: %,d free room slots and %,d desk day parts (8-90 and 8-14 days ahead), %d HTTP accounts",
                plan.roomSlotsLeft(), plan.deskPartsLeft(), httpPeople.size());

        // Warm-up: book and cancel the same few hundred slots over and over (a cancelled booking frees its slot and
        // its person's quota), with accounts of their own so that their cancelled rows slow nobody else down.
        List<HttpCall> warm = requests(plan.deal(WARM_ACCOUNTS * 20 * 7 / 8, warmQuotas));
        List<HttpCall> cycle = new java.util.AbstractList<>() {
            @Override
            public HttpCall get(int index) {
                return warm.get(index % warm.size());
            }

            @Override
            public int size() {
                return Integer.MAX_VALUE;
            }
        };
        LoadRunner.Result warmed = LoadRunner.closed("warm-up", 32, cycle, Duration.ofSeconds(options.warmupSeconds()),
                this::bookAndCancel);
        say("  %-44s %3d clients: %,6.0f create+cancel/s %s in %.0f s; JIT %.0f us/call",
                "warm-up create + cancel", 32, warmed.rate(), warmed.statuses(), warmed.seconds(),
                warmed.cpuMicrosPerCall(LoadRunner.JIT));

        // HTTP floor: an authenticated GET with a small JSON answer, to see what the HTTP stack costs by itself.
        List<Caller> meCallers = IntStream.range(0, 12_000).mapToObj(i -> httpPeople.get(i % httpPeople.size())).toList();
        measure(32, meCallers.subList(0, 2_000), this::me, "warm-up GET /me");
        LoadRunner.Result floor = measure(32, meCallers.subList(2_000, 12_000), this::me, "GET /api/v1/me");

        // Uncontended creates: every booking a different desk day part or room slot; nobody over the limits.
        List<LoadRunner.Result> creates = new ArrayList<>();
        for (int clients : options.clients()) {
            creates.add(measure(clients, requests(plan.deal(options.bookings(), httpQuotas)), this::send,
                    "create, no contention"));
        }

        // Contended creates: all clients walk the same few room slots in the same order; one wins each slot.
        List<Booking> allTargets = raceTargets(raceRooms, RACE_WARMUP_SLOTS + options.raceSlots());
        List<HttpCall> raceWarmup = race(allTargets.subList(0, RACE_WARMUP_SLOTS), racers);
        measure(options.raceClients(), raceWarmup, this::send, "warm-up contention");
        List<Booking> targets = allTargets.subList(RACE_WARMUP_SLOTS, allTargets.size());
        List<HttpCall> race = race(targets, racers);
        LoadRunner.Result contended = measure(options.raceClients(), race, this::send,
                "create, contention (" + raceRooms.size() + " rooms x " + options.raceSlots() / raceRooms.size() + " slots)");

        // The same use case without HTTP: BookingService.book called in-process by as many threads.
        Map<Long, Account> accountsById = new HashMap<>();
        List<Booking> direct = plan.deal(options.bookings(), directQuotas);
        direct.forEach(b -> accountsById.computeIfAbsent(b.who().id(),
                id -> new Account(id, b.who().username(), b.who().username(), Role.EMPLOYEE, null, null)));
        int directClients = best(creates).clients();
        LoadRunner.Result inProcess = measure(directClients, direct, b -> {
            try {
                app.bookings().book(accountsById.get(b.who().id()), b.request(), Optional.empty());
                return 201;
            } catch (ProblemException e) {
                return e.kind().status();
            }
        }, "BookingService.book in-process (no HTTP)");

        // Availability: desk day parts and room slots over the whole estate, today to two weeks ahead. Latency alone
        // (one client), latency at a fixed arrival rate well below capacity (open loop), and capacity (saturated).
        Random random = new Random(7);
        measure(options.searchClients(), searches(options.warmup(), random, null), this::send, "warm-up search");
        LoadRunner.Result searchCapacity = measure(options.searchClients(), searches(options.searches() * 2, random, null),
                this::send, "availability desk+room, saturated");
        LoadRunner.Result deskSerial = measure(1, searches(options.searches(), random, ResourceType.DESK), this::send,
                "availability desk");
        LoadRunner.Result roomSerial = measure(1, searches(options.searches(), random, ResourceType.ROOM), this::send,
                "availability room");
        LoadRunner.Result deskOpen = measureOpen(options.searchRate(), searches(options.searches(), random,
                ResourceType.DESK), "availability desk, open loop");
        LoadRunner.Result roomOpen = measureOpen(options.searchRate(), searches(options.searches(), random,
                ResourceType.ROOM), "availability room, open loop");

        // Raw SQLite: the rows the server just made, one autocommit insert each, into copies of the setup database.
        List<RawSqlite.Row> rows;
        try (Connection db = RawSqlite.open(dbFile, SynchronousMode.FULL, true)) {
            rows = RawSqlite.rowsAfter(db, lastSetupId);
        }
        say("Raw SQLite: inserting the %,d booking rows the server made into copies of the setup database ...", rows.size());
        org.HdrHistogram.Histogram fsync = RawSqlite.fsyncMicros(dir.resolve("fsync.probe"), 1_000);
        say("  disk: write 4 KiB + fdatasync p50 %.2f ms, p99 %.2f ms", fsync.getValueAtPercentile(50) / 1e3,
                fsync.getValueAtPercentile(99) / 1e3);
        RawSqlite.Rate rawFull = RawSqlite.insertOneByOne(template, dir.resolve("raw-full.db"), SynchronousMode.FULL, rows);
        say("  synchronous=FULL:   %,.0f rows/s", rawFull.perSecond());
        RawSqlite.Rate rawNormal = RawSqlite.insertOneByOne(template, dir.resolve("raw-normal.db"), SynchronousMode.NORMAL, rows);
        say("  synchronous=NORMAL: %,.0f rows/s", rawNormal.perSecond());
        LoadRunner.Result grouped = RawSqlite.insertGroupCommitted(template, dir.resolve("raw-group.db"), rows, directClients);
        say("  GroupCommitWriter, %d callers, FULL: %,.0f rows/s", directClients, grouped.rate());

        // The report.
        LoadRunner.Result best = best(creates);
        double bestRate = best.rate(201);
        report.add("");
        report.add("Creating bookings over HTTP (POST /api/v1/bookings; 1 in 8 a desk day part, the rest 30-minute room slots):");
        for (LoadRunner.Result r : creates) {
            report.add(String.format(Locale.ROOT, "  create, no contention, %2d clients: %,6.0f bookings/s (%,d in %.1f s)%s; "
                            + "p50 %.1f ms, p99 %.1f ms  target >= %,.0f/s %s",
                    r.clients(), r.rate(201), r.count(201), r.seconds(), others(r, 201), r.percentileMillis(50),
                    r.percentileMillis(99), TARGET_CREATE_RATE, verdict(r.rate(201) >= TARGET_CREATE_RATE)));
        }
        report.add(String.format(Locale.ROOT, "  create, contention,    %2d clients: %,6.0f requests/s: %,d x 201 (%,.0f/s) + "
                        + "%,d x 409 (%,.0f/s)%s in %.1f s; p50 %.1f ms, p99 %.1f ms",
                contended.clients(), contended.rate(), contended.count(201), contended.rate(201), contended.count(409),
                contended.rate(409), others(contended, 201, 409), contended.seconds(), contended.percentileMillis(50),
                contended.percentileMillis(99)));
        report.add(String.format(Locale.ROOT, "    (%d clients race for %d slots of %d rooms in the same order; each slot "
                + "has one winner)", contended.clients(), targets.size(), raceRooms.size()));
        report.add(String.format(Locale.ROOT, "  for comparison: GET /api/v1/me (auth + small JSON), 32 clients: %,.0f req/s; "
                + "BookingService.book in-process (no HTTP), %d threads: %,.0f bookings/s%s",
                floor.rate(), inProcess.clients(), inProcess.rate(201), others(inProcess, 201)));
        report.add("  where this JVM's CPU goes, microseconds per request (carriers run the virtual threads: Helidon's request "
                + "handling, auth, JSON, services; rest = other threads and concurrent GC):");
        for (LoadRunner.Result r : creates) {
            report.add(cpuLine("create, " + r.clients() + " clients", r));
        }
        report.add(cpuLine("create, contention", contended));
        report.add(cpuLine("GET /me", floor));
        report.add(cpuLine("BookingService.book", inProcess));
        report.add("");
        report.add("Availability search over HTTP (GET /api/v1/availability), all 7 sites, today to 14 days ahead:");
        report.add(searchLine("desk (siteId, type, date, part), 1 client", deskSerial));
        report.add(searchLine("room (siteId, type, start, end), 1 client", roomSerial));
        report.add(searchLine("desk, open loop at " + options.searchRate() + "/s", deskOpen));
        report.add(searchLine("room, open loop at " + options.searchRate() + "/s", roomOpen));
        report.add(searchLine("desk+room, " + searchCapacity.clients() + " clients (saturated)", searchCapacity));
        report.add("");
        report.add(String.format(Locale.ROOT, "Raw SQLite, single-row autocommit inserts on one JDBC connection, WAL, "
                + "the %,d rows the server made, into a copy of its database (schema, indexes, triggers, history):", rows.size()));
        report.add(String.format(Locale.ROOT, "  (this disk: write 4 KiB + fdatasync p50 %.2f ms, p99 %.2f ms, i.e. at most "
                        + "~%,.0f durable commits/s one after another)", fsync.getValueAtPercentile(50) / 1e3,
                fsync.getValueAtPercentile(99) / 1e3, 1e6 / fsync.getMean()));
        for (RawSqlite.Rate raw : List.of(rawFull, rawNormal)) {
            double ratio = bestRate / raw.perSecond();
            report.add(String.format(Locale.ROOT, "  raw SQLite single-row insert (synchronous=%s): %,6.0f/s; "
                            + "HTTP create %,.0f/s (%d clients) / raw = %.2f  %s", raw.synchronous(), raw.perSecond(),
                    bestRate, best.clients(), ratio, raw == rawFull
                            ? "target >= " + TARGET_RAW_RATIO + " " + verdict(ratio >= TARGET_RAW_RATIO)
                            : "(reference)"));
        }
        report.add(String.format(Locale.ROOT, "  the same rows through the server's GroupCommitWriter (FULL), %d callers: "
                        + "%,.0f/s; writer thread on CPU %.0f%% of the time", grouped.clients(), grouped.rate(),
                100 * grouped.busy(LoadRunner.WRITER)));
        report.add("");
        double[] others = measured.stream().filter(r -> !r.name().startsWith("warm-up"))
                .mapToDouble(LoadRunner.Result::otherProcesses).filter(d -> !Double.isNaN(d)).toArray();
        if (others.length > 0) {
            report.add(String.format(Locale.ROOT, "other processes on this machine took %.2f cores on average (at most %.2f) "
                    + "during the measured runs", Arrays.stream(others).average().orElse(0),
                    Arrays.stream(others).max().orElse(0)));
        }
        report.add(String.format(Locale.ROOT, "targets: create >= %,.0f/s %s; create >= %.1f x raw FULL %s; "
                        + "availability p99 < %.0f ms: %s with 1 client, %s at %d/s",
                TARGET_CREATE_RATE, verdict(bestRate >= TARGET_CREATE_RATE), TARGET_RAW_RATIO,
                verdict(bestRate >= TARGET_RAW_RATIO * rawFull.perSecond()), TARGET_SEARCH_P99_MS,
                verdict(Math.max(deskSerial.percentileMillis(99), roomSerial.percentileMillis(99)) < TARGET_SEARCH_P99_MS),
                verdict(Math.max(deskOpen.percentileMillis(99), roomOpen.percentileMillis(99)) < TARGET_SEARCH_P99_MS),
                options.searchRate()));
        report.add(String.format(Locale.ROOT, "benchmark ran %.0f s after start-up", (System.nanoTime() - benchStarted) / 1e9));
        if (!surprises.isEmpty()) {
            report.add("unexpected answers (first few): " + surprises.stream().limit(5).toList());
        }
        System.out.println();
        System.out.println("=".repeat(100));
        report.forEach(System.out::println);
        System.out.println("=".repeat(100));
    }

    // ---- HTTP calls -------------------------------------------------------------------------------------------

    /** A prepared request and the statuses it may expect without being a surprise. */
    private record HttpCall(HttpRequest request, Set<Integer> expected) {
    }

    private HttpCall request(Booking b) {
        return new HttpCall(HttpRequest.newBuilder(URI.create(base + "/bookings"))
                .header("Authorization", "Bearer " + b.who().token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(b.json()))
                .build(), Set.of(201, 409));
    }

    private List<HttpCall> requests(List<Booking> bookings) {
        return bookings.stream().map(this::request).toList();
    }

    private int send(HttpCall call) throws IOException, InterruptedException {
        // Bodies of expected answers are read and dropped; any other answer is kept to be shown.
        HttpResponse<String> response = http.send(call.request(), info -> call.expected().contains(info.statusCode())
                ? HttpResponse.BodySubscribers.replacing("")
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
        if (!call.expected().contains(response.statusCode()) && surprises.size() < 20) {
            surprises.add(call.request().method() + " " + call.request().uri().getPath() + " -> "
                    + response.statusCode() + " " + response.body());
        }
        return response.statusCode();
    }

    /** Books, then cancels what it booked: warms both paths and leaves the slot and the quota free again. */
    private int bookAndCancel(HttpCall create) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(create.request(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            if (surprises.size() < 20) {
                surprises.add("warm-up POST -> " + created.statusCode() + " " + created.body());
            }
            return created.statusCode();
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String token = create.request().headers().firstValue("Authorization").orElseThrow();
        return send(new HttpCall(HttpRequest.newBuilder(URI.create(base + location.substring(location.indexOf("/bookings/"))))
                .header("Authorization", token).DELETE().build(), Set.of(204)));
    }

    private int me(Caller who) throws IOException, InterruptedException {
        return send(new HttpCall(HttpRequest.newBuilder(URI.create(base + "/me"))
                .header("Authorization", "Bearer " + who.token()).GET().build(), Set.of(200)));
    }

    /** Searches for desks (a day part) or rooms (a one-hour slot) at random sites, from today to 14 days ahead. */
    private List<HttpCall> searches(int count, Random random, ResourceType only) {
        List<Site> sites = List.copyOf(estate.sites().values());
        List<HttpCall> calls = new ArrayList<>(count);
        while (calls.size() < count) {
            Site site = sites.get(random.nextInt(sites.size()));
            LocalDate date = today.plusDays(random.nextInt(15));
            Optional<OpeningHours> hours = site.hoursOn(date);
            if (hours.isEmpty()) {
                continue;
            }
            ResourceType type = only != null ? only : random.nextBoolean() ? ResourceType.DESK : ResourceType.ROOM;
            String query;
            if (type == ResourceType.DESK) {
                List<DayPart> parts = Stream.of(DayPart.DAY, DayPart.MORNING, DayPart.AFTERNOON)
                        .filter(p -> p == DayPart.DAY || BookingPlan.hasPart(hours.get(), p)).toList();
                query = "siteId=" + site.id() + "&type=desk&date=" + date + "&part="
                        + parts.get(random.nextInt(parts.size())).code();
            } else {
                int quarters = (int) Duration.between(hours.get().opens(), hours.get().closes()).toMinutes() / 15 - 4;
                LocalTime start = hours.get().opens().plusMinutes(15L * random.nextInt(quarters + 1));
                query = "siteId=" + site.id() + "&type=room&start=" + encode(BookingPlan.at(site, date, start))
                        + "&end=" + encode(BookingPlan.at(site, date, start.plusHours(1)));
            }
            calls.add(new HttpCall(HttpRequest.newBuilder(URI.create(base + "/availability?" + query))
                    .header("Authorization", "Bearer " + searchers.get(calls.size() % searchers.size()).token())
                    .GET().build(), Set.of(200)));
        }
        return calls;
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    // ---- setup ------------------------------------------------------------------------------------------------

    private void createAccounts(String prefix, int count) {
        if (count == 0) {
            return;
        }
        List<NewAccount> accounts = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new NewAccount(prefix + i, "Bench " + prefix + i, Role.EMPLOYEE, "Benchmark", null, "demo"))
                .toList();
        app.identity().ensureAccounts(accounts);
    }

    private List<Caller> employees(String usernameLike) throws SQLException {
        List<Caller> accounts = new ArrayList<>();
        try (Connection db = RawSqlite.open(dbFile, SynchronousMode.FULL, true);
             PreparedStatement q = db.prepareStatement(
                     "SELECT id, username FROM account WHERE role = 'employee' AND username LIKE ? ORDER BY id")) {
            q.setString(1, usernameLike);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new Caller(rs.getLong(1), rs.getString(2), null));
                }
            }
        }
        return accounts;
    }

    /** Logs everyone in over HTTP, a few at a time: each login is a deliberately slow Argon2id check. */
    private List<Caller> logIn(List<Caller> accounts) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        LoadRunner.Result logins = LoadRunner.closed("login", 4, accounts, who -> {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + who.username() + "\",\"password\":\"demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201) {
                throw new IllegalStateException("Login of " + who.username() + " failed: " + res.statusCode() + " " + res.body());
            }
            JsonNode body = JSON.readTree(res.body());
            tokens.put(who.username(), body.get("token").asText());
            return res.statusCode();
        });
        say("Setup: %d logins over HTTP in %.1f s (Argon2id; p50 %.0f ms each, 4 at a time)", logins.calls(),
                logins.seconds(), logins.percentileMillis(50));
        report.add(String.format(Locale.ROOT, "setup: %,d accounts logged in over HTTP in %.1f s (Argon2id, p50 %.0f ms)",
                logins.calls(), logins.seconds(), logins.percentileMillis(50)));
        List<Caller> loggedIn = accounts.stream().map(a -> new Caller(a.id(), a.username(), tokens.get(a.username()))).toList();
        return loggedIn;
    }

    /** How many more rooms and desks each person may book: the limits minus what the history already holds. */
    private List<Quota> quotas(List<Caller> accounts) throws SQLException {
        Map<Long, Map<String, Integer>> upcoming = new HashMap<>();
        try (Connection db = RawSqlite.open(dbFile, SynchronousMode.FULL, true);
             PreparedStatement q = db.prepareStatement("""
                     SELECT account_id, resource_type, count(*) FROM booking
                     WHERE status IN ('confirmed', 'checked-in') AND ends_at > ? GROUP BY account_id, resource_type""")) {
            q.setLong(1, NOW.toEpochMilli());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    upcoming.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        int maxRooms = policyLimit(ResourceType.ROOM);
        int maxDesks = policyLimit(ResourceType.DESK);
        return accounts.stream().map(a -> {
            Map<String, Integer> held = upcoming.getOrDefault(a.id(), Map.of());
            return new Quota(a, maxRooms - held.getOrDefault("room", 0), maxDesks - held.getOrDefault("desk", 0));
        }).toList();
    }

    private int policyLimit(ResourceType type) throws SQLException {
        try (Connection db = RawSqlite.open(dbFile, SynchronousMode.FULL, true);
             PreparedStatement q = db.prepareStatement(
                     "SELECT max_upcoming_per_person FROM booking_policy WHERE resource_type = ?")) {
            q.setString(1, type.code());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Every racer wants every slot, in the same order; a different person per client, so the winners spread out. */
    private List<HttpCall> race(List<Booking> targets, List<Caller> racers) {
        List<HttpCall> calls = new ArrayList<>();
        for (int slot = 0; slot < targets.size(); slot++) {
            for (int client = 0; client < options.raceClients(); client++) {
                Caller who = racers.get((slot + client) % racers.size());
                Booking b = targets.get(slot);
                calls.add(request(new Booking(who, b.resourceId(), b.type(), b.date(), b.part(), b.start(), b.end())));
            }
        }
        return calls;
    }

    /** The contended slots: back-to-back 30-minute meetings in a few rooms, from 8 days ahead. */
    private List<Booking> raceTargets(List<Resource> rooms, int slots) {
        List<Booking> targets = new ArrayList<>();
        Site site = estate.site(rooms.getFirst().siteId()).orElseThrow();
        for (LocalDate date = today.plusDays(8); targets.size() < slots; date = date.plusDays(1)) {
            Optional<OpeningHours> hours = site.hoursOn(date);
            if (hours.isEmpty()) {
                continue;
            }
            for (LocalTime t = hours.get().opens(); !t.plusMinutes(30).isAfter(hours.get().closes()) && targets.size() < slots;
                 t = t.plusMinutes(30)) {
                for (Resource room : rooms) {
                    if (targets.size() < slots) {
                        targets.add(new Booking(null, room.id(), ResourceType.ROOM, null, null,
                                BookingPlan.at(site, date, t), BookingPlan.at(site, date, t.plusMinutes(30))));
                    }
                }
            }
        }
        return targets;
    }

    // ---- running and reporting --------------------------------------------------------------------------------

    private <T> LoadRunner.Result measure(int clients, List<T> items, LoadRunner.Call<T> call, String name) throws Exception {
        awaitQuiet();
        LoadRunner.Result r = LoadRunner.closed(name, clients, items, call);
        measured.add(r);
        say("  %-44s %3d clients: %,6.0f/s %s p50 %5.2f ms p99 %6.2f ms max %6.1f ms; this JVM %.2f cores, %s",
                name, clients, r.rate(), r.statuses(), r.percentileMillis(50), r.percentileMillis(99), r.maxMillis(),
                r.coresBusy(), r.machine());
        return r;
    }

    private <T> LoadRunner.Result measureOpen(int perSecond, List<HttpCall> calls, String name) throws Exception {
        awaitQuiet();
        LoadRunner.Result r = LoadRunner.open(name, perSecond, calls, this::send);
        measured.add(r);
        say("  %-44s %3d/s      : %,6.0f/s %s p50 %5.2f ms p99 %6.2f ms max %6.1f ms; this JVM %.2f cores, %s",
                name, perSecond, r.rate(), r.statuses(), r.percentileMillis(50), r.percentileMillis(99), r.maxMillis(),
                r.coresBusy(), r.machine());
        return r;
    }

    /** Gives other processes on the machine (a build, say) a few seconds to finish before a measurement. */
    private static void awaitQuiet() throws InterruptedException {
        double other = LoadRunner.awaitQuiet(0.15, Duration.ofSeconds(4));
        if (other >= 0.15) {
            say("  (other processes are using %.2f cores; measuring anyway)", other);
        }
    }

    private static LoadRunner.Result best(List<LoadRunner.Result> runs) {
        return runs.stream().max(Comparator.comparingDouble(r -> r.rate(201))).orElseThrow();
    }

    /** CPU per request by thread group, and the rate the whole process could reach on this machine's cores. */
    private static String cpuLine(String name, LoadRunner.Result r) {
        return String.format(Locale.ROOT, "    %-20s %,6.0f us = HttpClient %,4.0f + carriers %,4.0f + db writer %,4.0f "
                        + "+ JIT %,4.0f + GC %,3.0f + rest %,4.0f; writer busy %3.0f%%, JVM %.2f / machine %.2f cores busy",
                name, r.cpuMicrosPerCall(), r.cpuMicrosPerCall(LoadRunner.CLIENT), r.cpuMicrosPerCall(LoadRunner.CARRIERS),
                r.cpuMicrosPerCall(LoadRunner.WRITER), r.cpuMicrosPerCall(LoadRunner.JIT), r.cpuMicrosPerCall(LoadRunner.GC),
                r.cpuMicrosPerCall(LoadRunner.OTHER) + r.cpuMicrosPerCall(LoadRunner.JVM), 100 * r.busy(LoadRunner.WRITER),
                r.coresBusy(), r.machine() == null ? Double.NaN : r.machine().busy());
    }

    private static String searchLine(String name, LoadRunner.Result r) {
        return String.format(Locale.ROOT, "  %-42s p50 %5.2f ms, p99 %5.2f ms, p999 %6.2f ms, max %6.1f ms "
                        + "(%,d searches, %,.0f/s)%s  target p99 < %.0f ms %s",
                name + ":", r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(99.9), r.maxMillis(),
                r.calls(), r.rate(), others(r, 200), TARGET_SEARCH_P99_MS,
                verdict(r.percentileMillis(99) < TARGET_SEARCH_P99_MS));
    }

    /** Answers other than the expected ones, e.g. " [422: 3]", or nothing. */
    private static String others(LoadRunner.Result r, Integer... expected) {
        List<Integer> ok = List.of(expected);
        Map<Integer, Integer> rest = new LinkedHashMap<>();
        r.statuses().forEach((status, count) -> {
            if (!ok.contains(status)) {
                rest.put(status, count);
            }
        });
        return rest.isEmpty() ? "" : " " + rest;
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A progress line, stamped with the wall-clock time to line up with a profiler's recording. */
    private static void say(String format, Object... args) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** Warnings and errors only: the server's INFO lines (a line per login) would drown the figures. */
    private static void quietLogging() throws IOException {
        String properties = """
                handlers=java.util.logging.ConsoleHandler
                java.util.logging.ConsoleHandler.level=ALL
                java.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%6$s%n
                .level=WARNING
                nl.flexplek.server.App.level=SEVERE
                """;
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
