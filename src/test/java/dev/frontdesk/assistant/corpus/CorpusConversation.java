package dev.frontdesk.assistant.corpus;

import dev.frontdesk.assistant.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One conversation of the corpus (src/test/resources/conversations/README.md describes the format):
 * who calls, on which channel and in which language, what exists before, what the caller says, and
 * what must be true afterwards.
 */
record CorpusConversation(
        String file,
        String split,
        String name,
        String task,
        Channel channel,
        String language,
        String callerPhone,
        List<Booked> setup,
        List<Turn> turns,
        Expectations expect) {

    static final String DEFAULT_PHONE = "+16175550123";

    /** An appointment, before (setup) or after (expected); null members are not checked. */
    record Booked(String service, LocalDateTime start, LocalDate date, String name, String phone, Boolean emergency) {

        boolean sameSlot(Booked other) {
            return start != null && start.equals(other.start) && service != null && service.equals(other.service);
        }
    }

    /** What the caller says; confidence is the speech recogniser's, when given ("~0.3 text"). */
    record Turn(String text, Double confidence) {}

    /** What must be true afterwards; a null member is not checked. */
    record Expectations(
            List<Booked> appointments,
            boolean emergency,
            Boolean ownerAlerted,
            Message message,
            String transferTo,
            Boolean optedOut,
            String outcome,
            List<String> replyContains,
            String replyLanguage) {}

    /** A message that must have been stored: for a person, department or the owner, with these words. */
    record Message(String forWhom, List<String> contains) {}

    static CorpusConversation load(Resource resource, String split) throws IOException {
        Map<String, Object> yaml;
        try (InputStream in = resource.getInputStream()) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        String language = text(yaml.getOrDefault("language", "en"));
        String file = split + "/" + language + "/" + resource.getFilename();
        List<Booked> setup = booked(map(yaml.get("setup")).get("appointments"));
        Map<String, Object> expect = map(yaml.get("expect"));
        List<Booked> expected =
                expect.containsKey("appointments") ? booked(expect.get("appointments")) : List.copyOf(setup);
        Map<String, Object> message = map(expect.get("message"));
        return new CorpusConversation(
                file,
                split,
                text(yaml.get("name")),
                text(yaml.getOrDefault("task", "other")),
                Channel.valueOf(text(yaml.getOrDefault("channel", "VOICE"))),
                language,
                text(yaml.getOrDefault("callerPhone", DEFAULT_PHONE)),
                setup,
                turns(yaml.get("turns")),
                new Expectations(
                        expected,
                        Boolean.TRUE.equals(expect.get("emergency")),
                        (Boolean) expect.get("ownerAlerted"),
                        message.isEmpty()
                                ? null
                                : new Message(text(message.get("for")), strings(message.get("contains"))),
                        text(expect.get("transferTo")),
                        (Boolean) expect.get("optedOut"),
                        text(expect.get("outcome")),
                        strings(expect.get("replyContains")),
                        text(expect.get("replyLanguage"))));
    }

    private static List<Turn> turns(Object value) {
        List<Turn> turns = new ArrayList<>();
        for (Object line : list(value)) {
            // YAML reads a bare yes/no as a boolean: say it back as the caller did
            String text = line == null ? "" : line instanceof Boolean b ? (b ? "yes" : "no") : line.toString();
            Double confidence = null;
            if (text.startsWith("~") && text.indexOf(' ') > 1) {
                int space = text.indexOf(' ');
                confidence = Double.parseDouble(text.substring(1, space));
                text = text.substring(space + 1);
            }
            turns.add(new Turn(text, confidence));
        }
        return turns;
    }

    private static List<Booked> booked(Object value) {
        List<Booked> booked = new ArrayList<>();
        for (Object item : list(value)) {
            Map<String, Object> a = map(item);
            booked.add(new Booked(
                    text(a.get("service")),
                    dateTime(a.get("start")),
                    dateTime(a.get("date")) == null
                            ? null
                            : dateTime(a.get("date")).toLocalDate(),
                    text(a.get("name")),
                    text(a.get("phone")),
                    (Boolean) a.get("emergency")));
        }
        return booked;
    }

    /** YAML reads full dates and timestamps as java.util.Date (in UTC); a "2026-11-25T09:00" stays text. */
    private static LocalDateTime dateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
        }
        String text = value.toString();
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            return List.of(value.toString());
        }
        return list(value).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
