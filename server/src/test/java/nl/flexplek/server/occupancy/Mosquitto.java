package nl.flexplek.server.occupancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

/** A real Mosquitto broker (Debian package {@code mosquitto}) on a free loopback port, started and stopped by a test. */
final class Mosquitto implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port;
    private final Path log;
    private Process process;

    Mosquitto() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Mosquitto is not installed: apt-get install mosquitto (.ci/run does)");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
            log = Files.createTempFile("mosquitto", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts (again) on the same port and waits until it accepts connections. */
    void start() {
        try {
            // Mosquitto 2 with only -p listens on loopback and allows anonymous clients: right for a test.
            process = new ProcessBuilder(BINARY.toString(), "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return socket.isConnected();
            }
        });
    }

    /** Kills the broker the hard way, as a crash or a network cut would. */
    void kill() {
        process.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
