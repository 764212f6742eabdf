package dev.frontdesk.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency over time of a load run, one second per point: p50 and p99 of the measured request kind and of
 * the health probe, and the measured kind's errors, written as a standalone SVG image (readable in a
 * browser and in Markdown, no library needed). The steady-state window is shaded.
 */
final class LatencyChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    /** Per kind, per second since the load started: response times and errors. */
    private final Map<String, Map<Integer, List<Long>>> times = new ConcurrentHashMap<>();

    private final Map<String, Map<Integer, Integer>> errors = new ConcurrentHashMap<>();

    void add(String kind, int second, long millis, boolean failed) {
        if (millis >= 0) {
            var list = times.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(second, s -> new ArrayList<>());
            synchronized (list) {
                list.add(millis);
            }
        }
        if (failed) {
            errors.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(second, 1, Integer::sum);
        }
    }

    /** The chart of {@code kind} against the health probe; the steady state from {@code from} to {@code to} s. */
    String svg(String title, String kind, int from, int to) {
        var series = new ArrayList<Series>();
        series.add(new Series(kind + " p99", percentiles(kind, 99), "#d62728", false));
        series.add(new Series(kind + " p50", percentiles(kind, 50), "#ff9896", false));
        series.add(new Series("health p99", percentiles("health", 99), "#1f77b4", false));
        series.add(new Series(kind + " errors/s", toDoubles(errors.getOrDefault(kind, Map.of())), "#7f7f7f", true));
        int seconds = series.stream()
                .flatMap(s -> s.points().keySet().stream())
                .max(Integer::compare)
                .orElse(1);
        double maxMillis = Math.max(
                1,
                series.stream()
                        .filter(s -> !s.count())
                        .flatMap(s -> s.points().values().stream())
                        .max(Double::compare)
                        .orElse(1.0));
        double maxCount = Math.max(
                1,
                series.stream()
                        .filter(Series::count)
                        .flatMap(s -> s.points().values().stream())
                        .max(Double::compare)
                        .orElse(1.0));
        double w = WIDTH - LEFT - RIGHT;
        double h = HEIGHT - TOP - BOTTOM;
        var out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                WIDTH,
                HEIGHT));
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#f0f0f0\"/>%n",
                LEFT + w * from / seconds,
                TOP,
                w * Math.max(0, Math.min(to, seconds) - from) / seconds,
                h));
        out.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + h - h * i / 4;
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f s</text>%n",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y,
                    LEFT - 5,
                    y + 4,
                    maxMillis * i / 4 / 1000));
        }
        for (int s = 0; s <= seconds; s += 10) {
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n",
                    LEFT + w * s / seconds,
                    HEIGHT - BOTTOM + 15,
                    s));
        }
        int legend = LEFT;
        for (Series s : series) {
            var path = new StringBuilder();
            for (var point : new TreeMap<>(s.points()).entrySet()) {
                double x = LEFT + w * point.getKey() / seconds;
                double y = TOP + h - h * point.getValue() / (s.count() ? maxCount : maxMillis);
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s/>%n",
                    path,
                    s.color(),
                    s.count() ? " stroke-dasharray=\"4 3\"" : ""));
            String label = s.count() ? s.name() + " (right scale, max " + (int) maxCount + ")" : s.name();
            out.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    legend,
                    HEIGHT - 18,
                    s.color(),
                    legend + 16,
                    HEIGHT - 13,
                    escape(label)));
            legend += 20 + 7 * label.length();
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private Map<Integer, Double> percentiles(String kind, int p) {
        var result = new TreeMap<Integer, Double>();
        times.getOrDefault(kind, Map.of()).forEach((second, list) -> {
            long[] sorted;
            synchronized (list) {
                sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            if (sorted.length > 0) {
                int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
                result.put(second, (double) sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
            }
        });
        return result;
    }

    private static Map<Integer, Double> toDoubles(Map<Integer, Integer> counts) {
        var result = new TreeMap<Integer, Double>();
        counts.forEach((k, v) -> result.put(k, v.doubleValue()));
        return result;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private record Series(String name, Map<Integer, Double> points, String color, boolean count) {}
}
