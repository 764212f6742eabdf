package dev.frontdesk.assistant.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner's summary of a conversation, from the lines the dialogue recorded. The dialogue notes times
 * as instants ("Booked Leak repair for Dana Smith at 2026-12-05T15:00:00Z."); the owner reads them in
 * the business's own time ("... at 10:00 AM EST on Sat Dec 5, 2026.").
 */
final class Summaries {

    static final String NOTHING = "The caller left without a request.";

    private static final Pattern INSTANT =
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z\\b");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("h:mm a z 'on' EEE MMM d, yyyy", Locale.US);

    private Summaries() {}

    static String of(List<String> lines, ZoneId zone) {
        if (lines.isEmpty()) {
            return NOTHING;
        }
        Matcher instants = INSTANT.matcher(String.join(" ", lines));
        return instants.replaceAll(m -> Matcher.quoteReplacement(local(m.group(), zone)));
    }

    private static String local(String instant, ZoneId zone) {
        try {
            return LOCAL.format(Instant.parse(instant).atZone(zone));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }
}
