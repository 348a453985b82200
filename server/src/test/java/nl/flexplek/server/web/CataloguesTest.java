package nl.flexplek.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The message catalogues of the three front ends (assets/i18n/{app,manage,kiosk,problems}.json): Dutch, German and
 * English have the same keys; every key is used by its page's code (or, for the problems catalogue, is a code the
 * server sends); and every key the code asks for literally is there. No browser: the files are read as text.
 */
class CataloguesTest {
    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Path KIOSK = Path.of("../kiosk/src/main/resources/flexplek/kiosk");
    /** The kit every page imports (element builder, floor map, problems, i18n): its keys count for each page. */
    private static final Path KIT = WEB.resolve("assets");
    private static final Path JAVA = Path.of("src/main/java/nl/flexplek/server");
    private static final Path I18N = WEB.resolve("assets/i18n");
    private static final List<String> LANGUAGES = List.of("nl", "de", "en");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A literal key in code: t('key'), ctx.t("key"), title: 'key' in a view, data-i18n="key", key in data-i18n-attr. */
    private static final Pattern CALL = Pattern.compile("\\bt\\(\\s*['\"]([\\w.-]+)['\"]");
    private static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([\\w.-]+)\"");
    private static final Pattern DATA_I18N_ATTR = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");
    /** A key put together in code: t(`state.${state}`), plural(t, `count.${kind}`, n). */
    private static final Pattern TEMPLATE = Pattern.compile("`([\\w-]+(?:\\.[\\w-]+)*)\\.\\$\\{");

    @Test
    void everyCatalogueHasTheSameKeysInDutchGermanAndEnglish() {
        for (String page : List.of("app", "manage", "kiosk", "problems")) {
            JsonNode catalogue = catalogue(page);
            assertEquals(Set.copyOf(LANGUAGES), fieldNames(catalogue), page + ": the languages");
            Set<String> dutch = fieldNames(catalogue.get("nl"));
            assertFalse(dutch.isEmpty(), page);
            for (String language : LANGUAGES) {
                Set<String> keys = fieldNames(catalogue.get(language));
                assertEquals(new TreeSet<>(dutch), new TreeSet<>(keys), page + ": " + language + " has other keys than nl");
                catalogue.get(language).fields().forEachRemaining(entry -> assertFalse(entry.getValue().asText().isBlank(),
                        page + "." + language + ": " + entry.getKey() + " is empty"));
            }
        }
    }

    @Test
    void theStaffAppUsesEveryKeyOfItsCatalogue_andHasEveryKeyItUses() {
        checkPage("app", code(WEB.resolve("app")) + code(KIT));
    }

    @Test
    void theDashboardUsesEveryKeyOfItsCatalogue_andHasEveryKeyItUses() {
        checkPage("manage", code(WEB.resolve("manage")) + code(KIT));
    }

    @Test
    void theKioskUsesEveryKeyOfItsCatalogue_andHasEveryKeyItUses() {
        checkPage("kiosk", code(KIOSK) + code(KIT));
    }

    @Test
    void theProblemsCatalogueExplainsExactlyTheCodesTheServerSends() {
        Set<String> keys = fieldNames(catalogue("problems").get("en"));
        String java = javaSources();

        Set<String> rules = matches(Pattern.compile("PolicyViolationException\\(\\s*\"([a-z-]+)\""), java);
        assertEquals(new TreeSet<>(rules), withPrefix(keys, "rule."), "rule.* keys against the server's rules");

        Set<String> kinds = matches(Pattern.compile("\\b[A-Z_]+\\(\\d{3}, \"([a-z-]+)\""),
                read(JAVA.resolve("common/ProblemKind.java")));
        assertEquals(new TreeSet<>(kinds), withPrefix(keys, "problem.type."), "problem.type.* keys against ProblemKind");

        Set<String> conflicts = new TreeSet<>(matches(Pattern.compile("ConflictException\\(\\s*\"([a-z-]+)\"\\s*,"), java));
        // Named constants (ConflictException(TAKEN, ...)) and the booking's status (\"booking-\" + status.code()).
        Matcher constant = Pattern.compile("ConflictException\\(\\s*([A-Z_]+)\\s*,").matcher(java);
        while (constant.find()) {
            conflicts.addAll(matches(Pattern.compile("String " + constant.group(1) + " = \"([a-z-]+)\""), java));
        }
        if (java.contains("new ConflictException(\"booking-\" +")) {
            conflicts.addAll(matches(Pattern.compile("\\b[A-Z_]+\\(\"([a-z-]+)\"\\)"),
                    read(JAVA.resolve("booking/BookingStatus.java"))).stream().map(code -> "booking-" + code).toList());
        }
        Set<String> explained = withPrefix(keys, "conflict.");
        assertTrue(conflicts.containsAll(explained), "conflict.* keys the server never sends: "
                + explained.stream().filter(k -> !conflicts.contains(k)).toList());
        Set<String> sent = new TreeSet<>(conflicts);
        sent.remove("booking-confirmed"); // a confirmed booking is never the reason for a conflict
        assertTrue(explained.containsAll(sent), "conflicts without an explanation: "
                + sent.stream().filter(k -> !explained.contains(k)).toList());

        Set<String> others = keys.stream().filter(k -> !k.startsWith("rule.") && !k.startsWith("conflict.")
                && !k.startsWith("problem.type.")).collect(Collectors.toCollection(TreeSet::new));
        String explainer = read(WEB.resolve("assets/problems.js"));
        for (String key : others) {
            assertTrue(explainer.contains("'" + key + "'"), key + " is not used by assets/problems.js");
        }
    }

    /** Every key of the page's catalogue occurs in its code; every literal key in the code is in a catalogue. */
    private static void checkPage(String page, String code) {
        Set<String> own = fieldNames(catalogue(page).get("en"));
        Set<String> all = new LinkedHashSet<>(own);
        all.addAll(fieldNames(catalogue("problems").get("en")));
        all.add("problem.network"); // the problems catalogue's own key, which login.js also asks for

        Set<String> templates = matches(TEMPLATE, code);
        List<String> unused = new ArrayList<>();
        for (String key : own) {
            if (!literal(code, key) && !composed(code, templates, key)) {
                unused.add(key);
            }
        }
        assertEquals(List.of(), unused, page + ": keys no code uses");

        Set<String> used = new TreeSet<>(matches(CALL, code));
        used.addAll(matches(DATA_I18N, code));
        for (String pairs : matches(DATA_I18N_ATTR, code)) {
            for (String pair : pairs.split(";")) {
                String[] parts = pair.split(":");
                if (parts.length == 2) {
                    used.add(parts[1].trim());
                }
            }
        }
        assertEquals(List.of(), used.stream().filter(key -> !all.contains(key)).toList(), page + ": keys missing");
    }

    /** The key as a whole string in the code: 'key', "key", `key`, or as one key of data-i18n-attr. */
    private static boolean literal(String code, String key) {
        return Pattern.compile("['\"`:]" + Pattern.quote(key) + "['\"`;]").matcher(code).find();
    }

    /**
     * A key put together from a template prefix and names the code spells out: state.walk-in from `state.${...}`
     * and 'walk-in'; count.desk.one from plural(t, `count.${...}`) and 'desk'.
     */
    private static boolean composed(String code, Set<String> templates, String key) {
        for (String prefix : templates) {
            if (!key.startsWith(prefix + ".")) {
                continue;
            }
            String rest = key.substring(prefix.length() + 1);
            if (code.contains("plural(") && (rest.endsWith(".one") || rest.endsWith(".other"))) {
                rest = rest.substring(0, rest.lastIndexOf('.'));
            }
            if (Pattern.compile("['\"]" + Pattern.quote(rest) + "['\"]").matcher(code).find()
                    || Pattern.compile("[{,]\\s*'?" + Pattern.quote(rest) + "'?\\s*:").matcher(code).find()) {
                return true;
            }
        }
        return false;
    }

    private static String code(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                    .sorted().map(CataloguesTest::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaSources() {
        try (Stream<Path> files = Files.walk(JAVA)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(CataloguesTest::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode catalogue(String page) {
        try {
            return JSON.readTree(I18N.resolve(page + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<String> withPrefix(Set<String> keys, String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
