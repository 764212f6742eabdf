package dev.frontdesk.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits free text into passages a caller can be read back: paragraphs (blank-line separated) of at most
 * {@value #MAX} characters stay whole; longer ones are cut between sentences (or lines) into pieces of
 * at most {@value #MAX}; a heading ("Prices:") joins the paragraph after it. Paragraphs are never mixed,
 * so each passage keeps to one topic.
 */
final class Passages {

    static final int MAX = 500;
    /** The longest line taken for a heading. */
    static final int HEADING = 60;

    private static final Pattern END_OF_SENTENCE = Pattern.compile("[.!?…]$");

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SPACES = Pattern.compile("[\\s&&[^\\n]]+");
    /** After a sentence's end, or at a line break. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?…])[ ]+(?=\\S)|[ ]*\\n[ ]*");

    private Passages() {}

    static List<String> split(String text) {
        List<String> units = new ArrayList<>();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String paragraph : PARAGRAPH_BREAK.split(normalised)) {
            String tidy = tidy(paragraph);
            if (tidy.isEmpty()) {
                continue;
            }
            if (tidy.length() <= MAX) {
                units.add(tidy);
            } else {
                units.addAll(bySentence(tidy));
            }
        }
        return joinShort(units);
    }

    /** Trims every line, collapses runs of spaces and drops empty lines; line breaks stay. */
    private static String tidy(String paragraph) {
        List<String> lines = new ArrayList<>();
        for (String line : paragraph.split("\n")) {
            String clean = SPACES.matcher(line).replaceAll(" ").strip();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return String.join("\n", lines);
    }

    /** Packs a long paragraph's sentences into pieces of at most {@link #MAX} characters. */
    private static List<String> bySentence(String paragraph) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Matcher breaks = SENTENCE_BREAK.matcher(paragraph);
        int start = 0;
        String separator = "";
        while (start < paragraph.length()) {
            boolean found = breaks.find();
            int end = found ? breaks.start() : paragraph.length();
            String sentence = paragraph.substring(start, end);
            for (String part : hardSplit(sentence)) {
                if (current.length() > 0 && current.length() + separator.length() + part.length() > MAX) {
                    pieces.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(separator);
                }
                current.append(part);
                separator = " ";
            }
            if (!found) {
                break;
            }
            separator = breaks.group().contains("\n") ? "\n" : " ";
            start = breaks.end();
        }
        if (current.length() > 0) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    /** A sentence longer than {@link #MAX} is cut at the last space that fits (or anywhere, if none). */
    private static List<String> hardSplit(String sentence) {
        List<String> parts = new ArrayList<>();
        String rest = sentence;
        while (rest.length() > MAX) {
            int cut = rest.lastIndexOf(' ', MAX);
            if (cut <= 0) {
                cut = MAX;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** A heading joins the paragraph after it, when both fit in one passage. */
    private static List<String> joinShort(List<String> units) {
        List<String> passages = new ArrayList<>();
        String heading = null;
        for (String unit : units) {
            if (heading != null && heading.length() + 1 + unit.length() <= MAX) {
                unit = heading + "\n" + unit;
            } else if (heading != null) {
                passages.add(heading);
            }
            heading = null;
            if (isHeading(unit)) {
                heading = unit;
            } else {
                passages.add(unit);
            }
        }
        if (heading != null) {
            passages.add(heading);
        }
        return passages;
    }

    /** One short line that is not a sentence: "Prices:", "Service area". */
    private static boolean isHeading(String unit) {
        return unit.length() <= HEADING
                && unit.indexOf('\n') < 0
                && (unit.endsWith(":") || !END_OF_SENTENCE.matcher(unit).find());
    }
}
