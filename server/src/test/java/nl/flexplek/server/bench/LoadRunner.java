package nl.flexplek.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives calls at the server and measures them: either a fixed number of clients, each a virtual thread sending its
 * next call as soon as the previous one is answered (closed loop, for throughput), or calls started at a fixed rate
 * whatever the answers (open loop, for latency under a given load; latency counts from the planned start, so a
 * stalled server is not hidden). Records outcomes, latencies and where the process spent CPU meanwhile.
 */
final class LoadRunner {
    /** One call: performs the item and returns its HTTP status, or the status the server would have answered. */
    @FunctionalInterface
    interface Call<T> {
        int perform(T item) throws Exception;
    }

    /** CPU groups, by thread name; virtual threads run on (and are counted in) the carrier threads. */
    static final String CLIENT = "HttpClient threads (load generator)";
    static final String CARRIERS = "virtual-thread carriers (Helidon handlers, services, callers)";
    static final String WRITER = "database writer thread";
    static final String OTHER = "other Java threads";
    static final String JIT = "JIT compiler threads";
    static final String GC = "GC threads";
    static final String JVM = "unattributed (threads that ended during the run)";

    /** What a run measured. Latencies are in microseconds. */
    record Result(String name, int clients, int calls, long elapsedNanos, Map<Integer, Integer> statuses,
                  Histogram latencyMicros, long processCpuNanos, Map<String, Long> cpuByGroup, Machine machine) {

        double seconds() {
            return elapsedNanos / 1e9;
        }

        double rate() {
            return calls / seconds();
        }

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        double rate(int status) {
            return count(status) / seconds();
        }

        /** Process CPU over the run, in cores (2.0 = both cores busy all the time). */
        double coresBusy() {
            return processCpuNanos / (double) elapsedNanos;
        }

        /** Share of the run the given thread group spent on a CPU. */
        double busy(String group) {
            return cpuByGroup.getOrDefault(group, 0L) / (double) elapsedNanos;
        }

        /** Process CPU per call, in microseconds: server and load generator together. */
        double cpuMicrosPerCall() {
            return processCpuNanos / 1e3 / calls;
        }

        /** CPU per call of one thread group, in microseconds. */
        double cpuMicrosPerCall(String group) {
            return cpuByGroup.getOrDefault(group, 0L) / 1e3 / calls;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1e3;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1e3;
        }

        /** Cores other processes kept busy during the run (the machine's busy time minus this JVM's). */
        double otherProcesses() {
            return machine == null ? Double.NaN : Math.max(0, machine.busy() - coresBusy());
        }
    }

    /**
     * Waits, at most {@code limit}, until other processes use less than {@code cores} of the machine over half a
     * second; returns what they used in the last half second.
     */
    static double awaitQuiet(double cores, java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        double other;
        do {
            long[] machineBefore = Machine.sample();
            long processBefore = OS.getProcessCpuTime();
            long started = System.nanoTime();
            Thread.sleep(500);
            long elapsed = System.nanoTime() - started;
            Machine machine = Machine.between(machineBefore, Machine.sample(), elapsed);
            if (machine == null) {
                return Double.NaN;
            }
            other = machine.busy() - (OS.getProcessCpuTime() - processBefore) / (double) elapsed;
        } while (other >= cores && System.nanoTime() < deadline);
        return other;
    }

    private static final long MAX_MICROS = 60_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadRunner() {
    }

    /** Closed loop: {@code clients} concurrent callers work through all the items. */
    static <T> Result closed(String name, int clients, List<T> items, Call<T> call) throws Exception {
        return closed(name, clients, items, null, call);
    }

    /**
     * Closed loop: {@code clients} concurrent callers work through the items, and stop taking new ones after
     * {@code limit} if one is given.
     */
    static <T> Result closed(String name, int clients, List<T> items, java.time.Duration limit, Call<T> call)
            throws Exception {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Histogram> histograms = new ArrayList<>();
        List<Map<Integer, Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            histograms.add(new Histogram(MAX_MICROS, 3));
            statuses.add(new TreeMap<>());
        }
        CpuMeter cpu = new CpuMeter();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Histogram latency = histograms.get(i);
                Map<Integer, Integer> outcome = statuses.get(i);
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < items.size() && System.nanoTime() < deadline;
                         n = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        int status = call.perform(items.get(n));
                        latency.recordValue(Math.min((System.nanoTime() - t0) / 1_000, MAX_MICROS));
                        outcome.merge(status, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        long elapsed = System.nanoTime() - started;
        Histogram all = new Histogram(MAX_MICROS, 3);
        histograms.forEach(all::add);
        Map<Integer, Integer> merged = new TreeMap<>();
        statuses.forEach(m -> m.forEach((status, count) -> merged.merge(status, count, Integer::sum)));
        int calls = merged.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(name, clients, calls, elapsed, merged, all, cpu.process(), cpu.byGroup(), cpu.machine());
    }

    /**
     * Open loop: starts one call every {@code 1/perSecond} seconds, each on its own virtual thread, however long the
     * earlier ones take. The reported clients is the most calls that were in flight at once.
     */
    static <T> Result open(String name, double perSecond, List<T> items, Call<T> call) throws Exception {
        Recorder recorder = new Recorder(MAX_MICROS, 3);
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        long interval = (long) (1e9 / perSecond);
        CpuMeter cpu = new CpuMeter();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < items.size(); i++) {
                long planned = started + i * interval;
                for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                T item = items.get(i);
                pool.submit(() -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        int status = call.perform(item);
                        statuses.merge(status, 1, Integer::sum);
                    } finally {
                        inFlight.decrementAndGet();
                        recorder.recordValue(Math.min((System.nanoTime() - planned) / 1_000, MAX_MICROS));
                    }
                    return null;
                });
            }
        }
        long elapsed = System.nanoTime() - started;
        return new Result(name, mostInFlight.get(), items.size(), elapsed, new TreeMap<>(statuses),
                recorder.getIntervalHistogram(), cpu.process(), cpu.byGroup(), cpu.machine());
    }

    /**
     * The whole machine over a run, in cores, from /proc/stat: busy (any process), waiting for I/O, stolen by the
     * hypervisor, idle. Null where there is no /proc/stat.
     */
    record Machine(double busy, double iowait, double steal, double idle) {
        static long[] sample() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long[] ticks = new long[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    ticks[i - 1] = Long.parseLong(f[i]);
                }
                return ticks;
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }

        static Machine between(long[] before, long[] after, long elapsedNanos) {
            if (before == null || after == null) {
                return null;
            }
            // user nice system idle iowait irq softirq steal ...; USER_HZ is 100 on Linux.
            double seconds = elapsedNanos / 1e9;
            java.util.function.IntToDoubleFunction d = i -> (after[i] - before[i]) / 100.0 / seconds;
            return new Machine(d.applyAsDouble(0) + d.applyAsDouble(1) + d.applyAsDouble(2) + d.applyAsDouble(5)
                    + d.applyAsDouble(6), d.applyAsDouble(4), d.applyAsDouble(7), d.applyAsDouble(3));
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "machine busy %.2f, iowait %.2f, steal %.2f, idle %.2f cores",
                    busy, iowait, steal, idle);
        }
    }

    /**
     * CPU used since construction, by the process and by groups of threads. On Linux every native thread is read
     * from /proc/self/task (so the JIT compiler and GC threads, invisible to Java, are counted too); elsewhere only
     * Java platform threads, with the rest unattributed. A thread that ends during the run takes its CPU time with it
     * into the unattributed rest.
     */
    private static final class CpuMeter {
        private static final Path TASKS = Path.of("/proc/self/task");
        private final long processBefore = OS.getProcessCpuTime();
        private final long[] machineBefore = Machine.sample();
        private final long started = System.nanoTime();
        private final Map<String, Long> threadsBefore = threadCpu();

        long process() {
            return OS.getProcessCpuTime() - processBefore;
        }

        Machine machine() {
            return Machine.between(machineBefore, Machine.sample(), System.nanoTime() - started);
        }

        Map<String, Long> byGroup() {
            long process = process();
            Map<String, Long> groups = new LinkedHashMap<>();
            for (String group : List.of(CLIENT, CARRIERS, WRITER, JIT, GC, OTHER)) {
                groups.put(group, 0L);
            }
            long attributed = 0;
            for (Map.Entry<String, Long> thread : threadCpu().entrySet()) {
                long used = thread.getValue() - threadsBefore.getOrDefault(thread.getKey(), 0L);
                groups.merge(group(thread.getKey().substring(thread.getKey().indexOf(' ') + 1)), used, Long::sum);
                attributed += used;
            }
            groups.put(JVM, Math.max(0, process - attributed));
            return groups;
        }

        /** CPU nanoseconds per thread, keyed "id name". */
        private static Map<String, Long> threadCpu() {
            Map<String, Long> cpu = new HashMap<>();
            if (Files.isDirectory(TASKS)) {
                try (Stream<Path> tasks = Files.list(TASKS)) {
                    for (Path task : tasks.toList()) {
                        try {
                            String name = Files.readString(task.resolve("comm")).strip();
                            String stat = Files.readString(task.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
                            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            cpu.put(task.getFileName() + " " + name, ticks * 10_000_000L);
                        } catch (IOException | RuntimeException e) {
                            // The thread ended while we looked.
                        }
                    }
                    return cpu;
                } catch (IOException e) {
                    cpu.clear();
                }
            }
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                long used = THREADS.getThreadCpuTime(t.threadId());
                if (used >= 0) {
                    cpu.put(t.threadId() + " " + t.getName(), used);
                }
            }
            return cpu;
        }

        /** Groups by thread name; Linux keeps the first 15 characters of a Java thread's name. */
        private static String group(String name) {
            if (name.startsWith("HttpClient-")) {
                return CLIENT;
            }
            if (name.startsWith("ForkJoinPool-")) {
                return CARRIERS;
            }
            if (name.startsWith("flexplek-db-wri")) {
                return WRITER;
            }
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return GC;
            }
            return OTHER;
        }
    }
}
