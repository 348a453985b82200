package nl.flexplek.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Units of work that share a commit stay independent: one failing never takes its neighbours down. */
class GroupCommitWriterTest {

    @Test
    void aFailingUnitRollsBackAloneWhileTheOthersCommit() throws Exception {
        Path dir = Files.createTempDirectory("writer-test");
        try (Database db = new Database(new DatabaseSettings("jdbc:sqlite:" + dir.resolve("t.db"), 2), List.of())) {
            db.write(h -> h.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
            List<Future<Integer>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    results.add(pool.submit(() -> db.write(h -> {
                        h.execute("INSERT INTO note (text) VALUES (?)", "note " + n);
                        if (n % 10 == 0) {
                            throw new ConflictException("unit " + n + " refuses");
                        }
                        return n;
                    })));
                }
                int failed = 0;
                for (Future<Integer> result : results) {
                    try {
                        result.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertEquals(ConflictException.class, e.getCause().getClass());
                        failed++;
                    }
                }
                assertEquals(20, failed);
            }
            assertEquals(180, (int) db.read(h -> h.createQuery("SELECT count(*) FROM note").mapTo(Integer.class).one()));
            assertEquals(0, (int) db.read(h -> h.createQuery("SELECT count(*) FROM note WHERE text LIKE 'note %0'")
                    .mapTo(Integer.class).one()));
            assertThrows(ConflictException.class, () -> db.write(h -> {
                throw new ConflictException("alone");
            }));
        }
    }
}
