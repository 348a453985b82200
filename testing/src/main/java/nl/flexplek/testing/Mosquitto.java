package nl.flexplek.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}, found by {@link Programs#mosquitto()}) on a loopback port,
 * started and stopped by a test: Mosquitto 2 started with only {@code -p} listens on loopback and allows anonymous
 * clients, which is right for a test. It can be killed the hard way and started again on the same port, as a broker
 * that crashes or is cut off and comes back.
 */
public final class Mosquitto implements AutoCloseable {
    private final Path binary;
    private final int port;
    private final Path log;
    private Process process;

    private Mosquitto(int port) {
        this.binary = Programs.mosquitto();
        this.port = port;
        try {
            this.log = Files.createTempFile("flexplek-mosquitto", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on a free port and waits until it accepts connections. */
    public static Mosquitto start() {
        return start(freePort());
    }

    /** Starts a broker on this port and waits until it accepts connections. */
    public static Mosquitto start(int port) {
        Mosquitto broker = new Mosquitto(port);
        broker.startAgain();
        return broker;
    }

    /** A port nothing listens on right now, for a broker that is started later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The broker's address for Paho: {@code tcp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker (again, after {@link #kill()}) on the same port and waits until it accepts connections. */
    public void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Mosquitto is already running on " + port);
        }
        try {
            process = new ProcessBuilder(binary.toString(), "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("Mosquitto listening on " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(this::accepts);
    }

    /** Kills the broker the hard way, as a crash or a network cut would, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Mosquitto exited with " + process.exitValue() + ": " + logText());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logText() {
        try {
            return Files.readString(log).strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the broker (politely first) and removes its log. */
    @Override
    public void close() {
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // A leftover log in the temp directory is harmless.
            }
        }
    }
}
