package nl.flexplek.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The README's configuration table documents exactly the keys of application.yaml, each with its guessable
 * environment variable. A row may stand for several keys with {@code {a,b}}.
 */
class ConfigurationTableTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern CHOICE = Pattern.compile("\\{([^}]*)}");

    @Test
    void readmeTable_documentsExactlyTheKeysOfApplicationYaml() throws IOException {
        Set<String> documented = new TreeSet<>();
        rows().forEach(row -> documented.addAll(row.keys()));
        Set<String> defaults = new TreeSet<>(Config.just(ConfigSources.classpath("application.yaml")).asMap().get().keySet());

        assertEquals(Set.of(), difference(defaults, documented), "keys of application.yaml missing from the README");
        assertEquals(Set.of(), difference(documented, defaults), "keys in the README that application.yaml lacks");
    }

    @Test
    void readmeTable_namesTheGuessableVariable_ofEachKey() throws IOException {
        for (Row row : rows()) {
            assertEquals(row.keys().stream().map(EnvironmentSettings::variableFor).toList(), row.variables(),
                    "the environment variables of " + row.keys());
        }
    }

    private record Row(List<String> variables, List<String> keys) {
    }

    /** The rows of the table under "## Configuration": its first two columns, each code span expanded. */
    private static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf("## Configuration");
        while (!lines.get(at).startsWith("| environment variable |")) {
            at++;
        }
        List<Row> rows = new ArrayList<>();
        for (at += 2; at < lines.size() && lines.get(at).startsWith("|"); at++) {
            String[] cells = lines.get(at).split("\\|");
            rows.add(new Row(expand(cells[1]), expand(cells[2])));
        }
        assertFalse(rows.isEmpty(), "the README has a configuration table");
        return rows;
    }

    private static List<String> expand(String cell) {
        List<String> names = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            names.addAll(choices(code.group(1)));
        }
        return names;
    }

    private static List<String> choices(String name) {
        Matcher choice = CHOICE.matcher(name);
        if (!choice.find()) {
            return List.of(name);
        }
        List<String> names = new ArrayList<>();
        for (String option : choice.group(1).split(",")) {
            names.addAll(choices(name.substring(0, choice.start()) + option + name.substring(choice.end())));
        }
        return names;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
