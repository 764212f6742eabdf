package dev.frontdesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Gatling does not measure: the service's CPU time and resident memory (read from /proc for the
 * service's process, which must run on this machine), the machine's load average, and the latency of
 * each request kind within the steady-state window only (after the ramp-up, before the ramp-down).
 * {@link #summary} writes them next to Gatling's report, under {@code target/gatling/}, with a
 * {@link LatencyChart} of the run.
 */
final class Measurements {

    /** The state of the service and machine at one moment. */
    record Snapshot(Instant at, Duration cpu, long rssKiB, String loadAverage) {}

    private final LoadSettings settings;
    private final List<ProcessHandle> servers;
    private final Map<String, Snapshot> marks = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong[]> runTotals = new ConcurrentHashMap<>();
    private final AtomicLong maxRssKiB = new AtomicLong();
    private final LatencyChart chart = new LatencyChart();
    private final AtomicReference<Instant> loadStart = new AtomicReference<>();
    private final Thread sampler;

    Measurements(LoadSettings settings) {
        this.settings = settings;
        this.servers = findServers(settings.serverPids());
        this.sampler = Thread.ofPlatform().daemon().name("server-sampler").unstarted(this::sample);
    }

    /** Starts sampling the service's resident memory once a second. */
    void start() {
        if (servers.isEmpty()) {
            System.out.println(
                    "No Frontdesk process found on this machine (set -Dload.serverPid):" + " no CPU or memory figures");
        } else {
            System.out.println("Measuring the service's process(es) "
                    + servers.stream().map(p -> Long.toString(p.pid())).toList()
                    + (servers.size() > 1 ? ": CPU and RSS are their sums" : ""));
        }
        sampler.start();
    }

    /** Records the moment the load starts (the first call, chat, ...); later calls are ignored. */
    void loadStarted() {
        if (loadStart.compareAndSet(null, Instant.now())) {
            mark("load start");
        }
    }

    /** Records a named moment once (the first time only). */
    void mark(String name) {
        marks.computeIfAbsent(name, n -> snapshot());
    }

    /**
     * Counts one answered request of {@code kind} that took {@code millis}, and whether it failed, when it
     * finished inside the steady-state window; marks the window's start and end with the first request seen
     * past each.
     */
    void record(String kind, long millis, boolean failed) {
        Instant start = loadStart.get();
        if (start == null) {
            return;
        }
        AtomicLong[] total =
                runTotals.computeIfAbsent(kind, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        total[failed ? 1 : 0].incrementAndGet();
        Instant now = Instant.now();
        chart.add(kind, (int) Duration.between(start, now).toSeconds(), millis, failed);
        Instant steadyStart = start.plus(settings.rampUp());
        Instant steadyEnd = steadyStart.plus(settings.steady());
        if (now.isBefore(steadyStart)) {
            return;
        }
        if (now.isAfter(steadyEnd)) {
            mark("steady end");
            return;
        }
        mark("steady start");
        windows.computeIfAbsent(kind, k -> new Window()).add(millis, failed);
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            if (!servers.isEmpty()) {
                maxRssKiB.accumulateAndGet(rssKiB(), Math::max);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Snapshot snapshot() {
        Duration cpu = servers.stream()
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        long rss = servers.isEmpty() ? -1 : rssKiB();
        return new Snapshot(Instant.now(), cpu, rss, loadAverage());
    }

    /** Writes the figures of the steady-state window, prints them, and returns them. */
    String summary(String simulation, String primaryKind) {
        sampler.interrupt();
        mark("end");
        var out = new StringBuilder();
        out.append(simulation).append(": ").append(settings).append('\n');
        Snapshot from = marks.get("steady start");
        Snapshot to = marks.getOrDefault("steady end", marks.get("end"));
        String svg = chart.svg(
                simulation + ": " + settings.users() + " users, seed " + settings.seed() + ", load average "
                        + loadAverage() + " at the end; steady state shaded",
                primaryKind,
                (int) settings.rampUp().toSeconds(),
                (int) settings.rampUp().plus(settings.steady()).toSeconds());
        if (from == null) {
            out.append("The steady state was never reached (no request answered after the ramp-up)\n");
            return write(simulation, out, svg);
        }
        double seconds = Duration.between(from.at(), to.at()).toMillis() / 1000.0;
        out.append(String.format(
                Locale.ROOT,
                "steady state: %.1f s; load average %s at its start, %s at its end%n",
                seconds,
                from.loadAverage(),
                to.loadAverage()));
        long primary = 0;
        long all = 0;
        for (var entry : new java.util.TreeMap<>(windows).entrySet()) {
            Window w = entry.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "%-14s %7d requests, %7.1f/s, errors %d, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                    entry.getKey(),
                    w.count(),
                    w.count() / seconds,
                    w.failed(),
                    w.percentile(50),
                    w.percentile(95),
                    w.percentile(99),
                    w.percentile(100)));
            all += w.count();
            if (entry.getKey().equals(primaryKind)) {
                primary = w.count();
            }
        }
        out.append("whole run (ramp-up and the calls finishing after the steady state included), answered / failed:");
        new java.util.TreeMap<>(runTotals)
                .forEach((kind, t) -> out.append(' ')
                        .append(kind)
                        .append(' ')
                        .append(t[0].get())
                        .append(" / ")
                        .append(t[1].get())
                        .append(';'));
        out.append('\n');
        if (!servers.isEmpty()) {
            double cpuSeconds = to.cpu().minus(from.cpu()).toMillis() / 1000.0;
            out.append(String.format(
                    Locale.ROOT,
                    "server CPU: %.1f s in the window (%.0f%% of one core); %.2f ms per %s request, %.2f ms per"
                            + " request of any kind%n",
                    cpuSeconds,
                    100 * cpuSeconds / seconds,
                    primary == 0 ? 0 : 1000 * cpuSeconds / primary,
                    primaryKind,
                    all == 0 ? 0 : 1000 * cpuSeconds / all));
            out.append(String.format(
                    Locale.ROOT,
                    "server RSS: %d MiB at the window's start, %d MiB at its end, %d MiB at most during the run%n",
                    from.rssKiB() / 1024,
                    to.rssKiB() / 1024,
                    maxRssKiB.get() / 1024));
        }
        return write(simulation, out, svg);
    }

    private static String write(String simulation, StringBuilder out, String svg) {
        String text = out.toString();
        System.out.println("\n" + text);
        try {
            Path dir = Path.of("target", "gatling");
            Files.createDirectories(dir);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now());
            String name = simulation.toLowerCase(Locale.ROOT) + "-" + stamp;
            Files.writeString(dir.resolve(name + "-server.txt"), text);
            Files.writeString(dir.resolve(name + "-latency.svg"), svg);
            System.out.println(
                    "Latency over time: " + dir.resolve(name + "-latency.svg").toAbsolutePath());
        } catch (IOException e) {
            System.out.println("Could not write the summary: " + e);
        }
        return text;
    }

    private static List<ProcessHandle> findServers(List<Long> pids) {
        if (!pids.isEmpty()) {
            return pids.stream().flatMap(pid -> ProcessHandle.of(pid).stream()).toList();
        }
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .filter(c -> c.contains("dev.frontdesk.FrontdeskApplication")
                                || c.matches(".*-jar \\S*frontdesk-[^ ]*\\.jar.*"))
                        .isPresent())
                .toList();
        if (found.size() > 1) {
            System.out.println("Several Frontdesk processes run here; pass -Dload.serverPid=<pid>[,<pid>...]");
            return List.of();
        }
        return found;
    }

    /** The resident memory of the service's processes together. */
    private long rssKiB() {
        return servers.stream().mapToLong(p -> Math.max(0, rssKiB(p.pid()))).sum();
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process ended
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Response times of one request kind inside the window. */
    private static final class Window {
        private final List<Long> millis = new ArrayList<>();
        private long failed;

        private long count;

        synchronized void add(long ms, boolean fail) {
            count++;
            if (ms >= 0) {
                millis.add(ms); // no response time: the request got no answer (a failure)
            }
            if (fail) {
                failed++;
            }
        }

        synchronized long count() {
            return count;
        }

        synchronized long failed() {
            return failed;
        }

        synchronized long percentile(int p) {
            if (millis.isEmpty()) {
                return 0;
            }
            var sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
