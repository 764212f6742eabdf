package dev.frontdesk.assistant.corpus;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.corpus.CorpusConversation.Booked;
import dev.frontdesk.support.ScriptedModel;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible server ({@link ScriptedModel}, the tests' scripted model) that plays a correct model for one corpus conversation at a time, with a
 * script derived from the conversation's expectations and task — not from its words, except the question
 * it passes to {@code search_knowledge} as the caller asked it: on the caller's first turn it flags an
 * emergency, puts the call through, looks the question or the caller's appointments up, or checks
 * availability, when the expectations say so; on the
 * turn where the caller agrees (the first "yes" after the first turn, else their last request before a
 * goodbye) it makes the one expected change — books the expected service, start and name, cancels or moves
 * the expected appointment by the id {@code list_appointments} gives, takes the message with the expected
 * words, or opts the caller out — and otherwise answers with words. What it proves is the LLM brain's plumbing (tool effects,
 * read-backs, transfers, messages, alerts), not the model's understanding.
 */
final class ScriptedReceptionist implements AutoCloseable {

    private static final Pattern AGREES = Pattern.compile(
            "^(yes|yeah|yep|yup|sure|ok|okay|correct|perfect|great|sounds good|that works|please|si|vale|claro|oui|"
                    + "d accord|parfait|ja|genau|bitte|gerne|passt)\\b");
    private static final Pattern CLOSES = Pattern.compile(
            "^(no|nope|nah|non|nein|that s all|thats all|thanks|thank you|bye|goodbye|gracias|merci|danke|"
                    + "nada mas|c est tout|das wars)\\b");
    private static final String DEFAULT_SERVICE = "Drain cleaning";
    private static final String DEFAULT_NAME = "Sam Caller";

    private final ScriptedModel server;
    private volatile Plan plan;

    /** What a correct model does in the conversation, from its expectations. */
    record Plan(
            Channel channel,
            List<Booked> added,
            List<Booked> removed,
            boolean emergency,
            boolean question,
            boolean lookup,
            boolean optOut,
            CorpusConversation.Message message,
            String transferTo,
            List<String> words,
            int firstTurn,
            int actionTurn,
            int secondActionTurn) {

        static Plan of(CorpusConversation c) {
            int first = first(c.turns());
            int acting = actionTurn(c.turns(), first + 1) < 0 ? first : actionTurn(c.turns(), first + 1);
            List<Booked> added = new ArrayList<>();
            for (Booked want : c.expect().appointments()) {
                if (c.setup().stream().noneMatch(before -> before.sameSlot(want))) {
                    added.add(want);
                }
            }
            List<Booked> removed = new ArrayList<>();
            for (Booked before : c.setup()) {
                if (c.expect().appointments().stream().noneMatch(want -> want.sameSlot(before))) {
                    removed.add(before);
                }
            }
            return new Plan(
                    c.channel(),
                    added,
                    removed,
                    c.expect().emergency(),
                    "ANSWERED".equals(c.expect().outcome()) && !c.task().equals("lookup"),
                    "ANSWERED".equals(c.expect().outcome()) && c.task().equals("lookup"),
                    Boolean.TRUE.equals(c.expect().optedOut())
                            || "NOT_INTERESTED".equals(c.expect().outcome()),
                    c.expect().message(),
                    // a transfer to whoever can take it when the expectations name nobody
                    c.expect().transferTo() == null
                                    && "TRANSFERRED".equals(c.expect().outcome())
                            ? "anyone"
                            : c.expect().transferTo(),
                    c.turns().stream().map(t -> t.text().strip()).toList(),
                    first,
                    acting,
                    acting < 0 ? -1 : actionTurn(c.turns(), acting + 1));
        }

        /** The caller's first words (a silence first is not a request). */
        private static int first(List<CorpusConversation.Turn> turns) {
            for (int i = 0; i < turns.size(); i++) {
                if (!turns.get(i).text().isBlank()) {
                    return i;
                }
            }
            return 0;
        }

        /**
         * Where the caller agrees, from {@code from} on, else their last request before a goodbye (from
         * {@code from} on; -1 when there is none).
         */
        private static int actionTurn(List<CorpusConversation.Turn> turns, int from) {
            for (int i = from; i < turns.size(); i++) {
                if (AGREES.matcher(fold(turns.get(i).text())).find()) {
                    return i;
                }
            }
            for (int i = turns.size() - 1; i >= from; i--) {
                if (!CLOSES.matcher(fold(turns.get(i).text())).find()) {
                    return i;
                }
            }
            return -1;
        }
    }

    ScriptedReceptionist() {
        server = ScriptedModel.start(request -> ScriptedModel.Answer.now(respond(request)));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The conversation about to be played. */
    void play(CorpusConversation conversation) {
        plan = Plan.of(conversation);
    }

    @Override
    public void close() {
        server.stop();
    }

    private String respond(JsonNode request) {
        if (ScriptedModel.asksForASummary(request)) {
            return ScriptedModel.text("The caller was helped.");
        }
        List<JsonNode> messages = StreamSupport.stream(request.get("messages").spliterator(), false)
                .toList();
        int lastUser = -1;
        int userTurns = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).get("role").asString().equals("user")) {
                lastUser = i;
                userTurns++;
            }
        }
        // what the model already did in this turn: the tools it called, and their results
        List<String> called = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (JsonNode m : messages.subList(lastUser + 1, messages.size())) {
            if (m.has("tool_calls") && m.get("tool_calls").isArray()) {
                m.get("tool_calls")
                        .forEach(call -> called.add(call.at("/function/name").asString()));
            }
            if (m.get("role").asString().equals("tool")) {
                results.add(m.get("content").asString());
            }
        }
        String words = lastUser < 0 ? "" : messages.get(lastUser).get("content").asString();
        return next(plan, turnOf(plan, words, userTurns - 1), words, called, results);
    }

    /** Which of the conversation's turns the caller's words are (the one nearest their place in the memory). */
    private static int turnOf(Plan p, String words, int place) {
        int best = -1;
        for (int i = 0; i < p.words().size(); i++) {
            if (p.words().get(i).equals(words.strip()) && (best < 0 || Math.abs(i - place) < Math.abs(best - place))) {
                best = i;
            }
        }
        return best < 0 ? place : best;
    }

    private static String next(Plan p, int turn, String words, List<String> called, List<String> results) {
        boolean first = turn == p.firstTurn();
        if (first && p.emergency() && !called.contains("flag_emergency")) {
            return call(
                    "flag_emergency",
                    "{\"description\": \"The caller reports an emergency at their home.\", \"life_threatening\": false}");
        }
        if (first && p.transferTo() != null && !called.contains("transfer_call")) {
            return call("transfer_call", "{\"target\": " + quote(p.transferTo()) + "}");
        }
        if (first && p.question() && !called.contains("search_knowledge")) {
            // the question, in the caller's words, is what a model passes on
            return call("search_knowledge", "{\"question\": " + quote(words) + "}");
        }
        if (first && p.lookup() && !called.contains("list_appointments")) {
            return call("list_appointments", "{}");
        }
        boolean acting = turn == p.actionTurn();
        boolean changes = !p.added().isEmpty() || !p.removed().isEmpty() || p.message() != null;
        // an opt-out beside a change comes at the end ("no. and stop texting me")
        int optOutTurn = changes ? p.words().size() - 1 : p.actionTurn();
        if (p.optOut() && turn == optOutTurn && !called.contains("opt_out")) {
            return call("opt_out", "{}");
        }
        Optional<String> act = Optional.empty();
        if (!p.added().isEmpty() && !p.removed().isEmpty() && !moves(p)) {
            // one change per turn: the cancel where the caller first agrees, the booking where they agree next
            act = acting ? change(p, called, results) : book(p, turn == p.secondActionTurn(), first, called, results);
        } else if (!p.added().isEmpty() && p.removed().isEmpty()) {
            act = book(p, acting, first, called, results);
        } else if (!p.removed().isEmpty() && acting) {
            act = change(p, called, results);
        } else if (p.message() != null && acting && !called.contains("take_message")) {
            String forWhom =
                    p.message().forWhom() == null ? "" : "For " + p.message().forWhom() + ": ";
            act = Optional.of(call(
                    "take_message",
                    "{\"caller_name\": " + quote(DEFAULT_NAME) + ", \"text\": "
                            + quote(forWhom + "please call back about "
                                    + String.join(", ", p.message().contains()))
                            + "}"));
        }
        return act.orElseGet(() ->
                text(called.isEmpty() ? "Sure. Is there anything else I can help with?" : "Done. Anything else?"));
    }

    /** A move keeps the service (or the expectation does not say it). */
    private static boolean moves(Plan p) {
        String to = p.added().getFirst().service();
        return to == null || to.equals(p.removed().getFirst().service());
    }

    /** Availability on the first turn (and before a booking whose time the expectations leave open), then the booking. */
    private static Optional<String> book(
            Plan p, boolean acting, boolean first, List<String> called, List<String> results) {
        Booked want = p.added().getFirst();
        String service = want.service() == null ? DEFAULT_SERVICE : want.service();
        String date = (want.start() != null ? want.start().toLocalDate() : want.date()).toString();
        if ((first || (acting && want.start() == null)) && !called.contains("check_availability")) {
            return Optional.of(
                    call("check_availability", "{\"service\": " + quote(service) + ", \"date\": " + quote(date) + "}"));
        }
        if (acting && !called.contains("book_appointment")) {
            String start = want.start() != null ? want.start().toString() : date + "T" + firstFree(results);
            return Optional.of(call(
                    "book_appointment",
                    "{\"service\": " + quote(service) + ", \"start\": " + quote(start) + ", \"customer_name\": "
                            + quote(want.name() == null ? DEFAULT_NAME : want.name())
                            + (p.channel() == Channel.WEB ? ", \"customer_phone\": \"+16175550123\"" : "")
                            + "}"));
        }
        if (!acting && called.isEmpty()) {
            return Optional.of(text("I can book " + service + " on " + date + ". Shall I go ahead?"));
        }
        return Optional.empty();
    }

    /** The caller's appointments, then the cancel or the move of the expected one. */
    private static Optional<String> change(Plan p, List<String> called, List<String> results) {
        if (!called.contains("list_appointments")) {
            return Optional.of(call("list_appointments", "{}"));
        }
        String id = idOf(results, p.removed().getFirst().start());
        if ((p.added().isEmpty() || !moves(p)) && !called.contains("cancel_appointment")) {
            return Optional.of(call("cancel_appointment", "{\"appointment_id\": " + quote(id) + "}"));
        }
        if (!p.added().isEmpty() && moves(p) && !called.contains("reschedule_appointment")) {
            Booked want = p.added().getFirst();
            if (want.start() == null && !called.contains("check_availability")) {
                // the expectations give the day only: the first free start of it
                String service = want.service() == null ? p.removed().getFirst().service() : want.service();
                return Optional.of(call(
                        "check_availability",
                        "{\"service\": " + quote(service) + ", \"date\": "
                                + quote(want.date().toString()) + "}"));
            }
            String to = want.start() != null ? want.start().toString() : want.date() + "T" + firstFree(results);
            return Optional.of(call(
                    "reschedule_appointment",
                    "{\"appointment_id\": " + quote(id) + ", \"new_start\": " + quote(to) + "}"));
        }
        return Optional.empty();
    }

    /** The first free start a check_availability result of this turn lists. */
    private static String firstFree(List<String> results) {
        for (String result : results) {
            JsonNode json = JsonMapper.shared().readTree(result);
            if (json.has("free") && !json.get("free").isEmpty()) {
                return json.get("free").get(0).asString();
            }
        }
        return "10:00";
    }

    /** The id of the caller's appointment at {@code start}, from a list_appointments result of this turn. */
    private static String idOf(List<String> results, LocalDateTime start) {
        for (String result : results) {
            JsonNode json = JsonMapper.shared().readTree(result);
            if (json.isArray()) {
                for (JsonNode a : json) {
                    if (LocalDateTime.parse(a.get("start").asString()).equals(start)) {
                        return a.get("appointment_id").asString();
                    }
                }
            }
        }
        return "none";
    }

    private static String call(String name, String arguments) {
        return ScriptedModel.toolCalls(
                "call_" + java.util.UUID.randomUUID().toString().substring(0, 8), name, arguments);
    }

    private static String text(String content) {
        return ScriptedModel.text(content);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String fold(String text) {
        return Verdict.fold(text)
                .replaceAll("[^\\p{L}\\p{N} ]+", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
