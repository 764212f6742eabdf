package dev.frontdesk.assistant.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one split: task success per language and per task, failure counts by class, dangerous
 * conversations, and (only where allowed) the failed transcripts.
 */
final class CorpusReport {

    private record Row(CorpusConversation conversation, Verdict verdict, List<String> transcript) {}

    private final String split;
    private final boolean transcripts;
    private final List<Row> rows = new ArrayList<>();

    CorpusReport(String split, boolean transcripts) {
        this.split = split;
        this.transcripts = transcripts;
    }

    void add(CorpusConversation conversation, Verdict verdict, List<String> transcript) {
        rows.add(new Row(conversation, verdict, List.copyOf(transcript)));
    }

    /** Each conversation's verdict, by its file (split/language/name). */
    Map<String, Verdict> verdicts() {
        Map<String, Verdict> out = new TreeMap<>();
        rows.forEach(r -> out.put(r.conversation().file(), r.verdict()));
        return out;
    }

    int size() {
        return rows.size();
    }

    double successRate(String language) {
        List<Row> in = rows.stream()
                .filter(r -> r.conversation().language().equals(language))
                .toList();
        return in.isEmpty()
                ? 1.0
                : (double) in.stream().filter(r -> r.verdict().success()).count() / in.size();
    }

    /** Task success over every language. */
    double successRate() {
        return rows.isEmpty()
                ? 1.0
                : (double) rows.stream().filter(r -> r.verdict().success()).count() / rows.size();
    }

    long dangerous() {
        return rows.stream().filter(r -> r.verdict().dangerous()).count();
    }

    String summary() {
        StringBuilder out = new StringBuilder("Conversation corpus, " + split + ":");
        // the three languages of the held-out targets always, then any other language with conversations (de)
        List<String> languages = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("en", "es", "fr"),
                        rows.stream().map(r -> r.conversation().language()).sorted())
                .distinct()
                .toList();
        for (String language : languages) {
            long total = rows.stream()
                    .filter(r -> r.conversation().language().equals(language))
                    .count();
            out.append(String.format(" %s %.1f%% of %d;", language, successRate(language) * 100, total));
        }
        return out.append(" dangerous ").append(dangerous()).toString();
    }

    void write(Path path) throws IOException {
        StringBuilder out = new StringBuilder("# Conversation corpus: " + split + "\n\n" + summary() + "\n\n");
        table(out, "language", r -> r.conversation().language());
        table(out, "task", r -> r.conversation().task());
        table(
                out,
                "language and task",
                r -> r.conversation().language() + " " + r.conversation().task());
        table(out, "channel", r -> r.conversation().channel().name());
        out.append("## Failures by class\n\n| class | task | count |\n| --- | --- | --- |\n");
        Map<String, Integer> classes = new TreeMap<>();
        for (Row r : rows) {
            for (String failure : r.verdict().failures()) {
                classes.merge(failure + " | " + r.conversation().task(), 1, Integer::sum);
            }
        }
        classes.forEach(
                (k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (transcripts) {
            out.append("\n## Failed conversations\n\n");
            for (Row r : rows) {
                if (!r.verdict().success()) {
                    out.append("### ")
                            .append(r.conversation().file())
                            .append(r.verdict().dangerous() ? " (DANGEROUS)" : "")
                            .append("\n\n")
                            .append(r.conversation().name())
                            .append("\n\n")
                            .append(String.join("; ", r.verdict().failures()))
                            .append("\n\n```\n")
                            .append(String.join("\n", r.transcript()))
                            .append("\n```\n\n");
                }
            }
        }
        Files.createDirectories(path.getParent());
        Files.writeString(path, out.toString());
    }

    private void table(StringBuilder out, String title, java.util.function.Function<Row, String> key) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Row r : rows) {
            int[] c = counts.computeIfAbsent(key.apply(r), k -> new int[3]);
            c[0] += r.verdict().success() ? 1 : 0;
            c[1]++;
            c[2] += r.verdict().dangerous() ? 1 : 0;
        }
        out.append("| ").append(title).append(" | success | dangerous |\n| --- | --- | --- |\n");
        counts.forEach((k, c) ->
                out.append(String.format("| %s | %d/%d (%.0f%%) | %d |%n", k, c[0], c[1], 100.0 * c[0] / c[1], c[2])));
        out.append('\n');
    }
}
