package nl.flexplek.sim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line an operator types: sensible defaults, and a clear word plus the usage text when it is wrong. */
class OptionsTest {

    @Test
    void help_printsTheUsage_andSucceeds() {
        Outcome outcome = run("--help");
        assertEquals(0, outcome.code());
        assertTrue(outcome.out().contains("Usage: java -jar flexplek-sensors-sim.jar"), outcome.out());
    }

    @Test
    void badArguments_sayWhatIsWrong_printTheUsage_andExitWithTwo() {
        for (String[] args : new String[][]{{"--speed", "fast"}, {"--bogus", "1"}, {"--faults", "silent,bogus"},
                {"--broker", "localhost:1883"}, {"--format", "lorawan"}, {"--rate", "100", "--faults", "flap"},
                {"--clients", "2"}, {"--rate"}, {"stray"}}) {
            Outcome outcome = run(args);
            assertEquals(2, outcome.code(), String.join(" ", args));
            assertTrue(outcome.err().startsWith("flexplek-sensors-sim: "), outcome.err());
            assertTrue(outcome.err().contains("Usage:"), outcome.err());
        }
        assertTrue(run("--speed", "fast").err().contains("--speed must be a number"));
        assertTrue(run("--faults", "silent,bogus").err().contains("unknown fault 'bogus'"));
    }

    @Test
    void defaults_areTheDemoServerAndBroker_inRealTime_withoutFaults() throws Exception {
        Options options = Options.parse();
        assertEquals("tcp://127.0.0.1:1883", options.broker());
        assertEquals("http://127.0.0.1:8080", options.api());
        assertEquals("manager", options.user());
        assertEquals(1.0, options.speed());
        assertEquals("native", options.format());
        assertTrue(options.faults().isEmpty());
        assertFalse(options.loadMode());
        assertTrue(options.duration().isEmpty(), "runs until Ctrl-C");
    }

    @Test
    void bothSpellingsOfAnOption_andTheLoadGeneratorsDefaultDuration() throws Exception {
        Options options = Options.parse("--rate=500", "--format", "TTN", "--faults", "garbage,silent", "--seed=9");
        assertEquals(500, options.rate().orElseThrow());
        assertEquals("ttn", options.format());
        assertEquals(EnumSet.of(Faults.Fault.GARBAGE, Faults.Fault.SILENT), options.faults());
        assertEquals(Duration.ofSeconds(60), options.duration().orElseThrow());
        assertEquals(9, options.seed());
    }

    @Test
    void thePasswordIsNeverPrinted() throws Exception {
        assertFalse(Options.parse("--password", "s3cret").toString().contains("s3cret"));
    }

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new StopSignal());
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
