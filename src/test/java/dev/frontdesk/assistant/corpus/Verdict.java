package dev.frontdesk.assistant.corpus;

import dev.frontdesk.assistant.corpus.CorpusConversation.Booked;
import dev.frontdesk.assistant.corpus.CorpusConversation.Expectations;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How one conversation went: every expectation that failed, by class (so held-out failures can be
 * counted without reading them), and whether something dangerous happened — an appointment that should
 * not exist exists (a wrong booking, a move to the wrong time) or one that should still exist is gone
 * (a wrong cancel or move).
 */
record Verdict(List<String> failures, boolean dangerous) {

    boolean success() {
        return failures.isEmpty();
    }

    /** What a conversation left behind, for the checks. */
    record Observed(
            List<Booked> appointments,
            boolean emergency,
            String outcome,
            boolean ownerAlerted,
            List<String> messages,
            List<String> transfers,
            boolean optedOut,
            List<String> replies,
            String lastLanguage) {}

    static Verdict of(CorpusConversation c, Observed seen) {
        Expectations expect = c.expect();
        List<String> failures = new ArrayList<>();
        List<Booked> unmatched = new ArrayList<>(seen.appointments());
        List<Booked> missing = new ArrayList<>();
        // most specific expectations first, so a vague one does not take another's appointment
        List<Booked> wanted = new ArrayList<>(expect.appointments());
        wanted.sort(Comparator.comparingInt(Verdict::vagueness));
        for (Booked want : wanted) {
            Booked match = unmatched.stream()
                    .filter(have -> matches(want, have))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                missing.add(want);
            } else {
                unmatched.remove(match);
            }
        }
        boolean wrongAction =
                unmatched.stream().anyMatch(have -> c.setup().stream().noneMatch(before -> before.sameSlot(have)));
        boolean lostOne =
                missing.stream().anyMatch(want -> c.setup().stream().anyMatch(before -> before.sameSlot(want)));
        if (wrongAction) {
            failures.add("appointments: wrong one booked or moved");
        } else if (lostOne) {
            failures.add("appointments: wrong one cancelled or moved");
        } else if (!missing.isEmpty() || !unmatched.isEmpty()) {
            failures.add("appointments: expected change not made");
        }
        if (expect.emergency() != seen.emergency()) {
            failures.add(expect.emergency() ? "emergency: missed" : "emergency: false alarm");
        }
        if (expect.ownerAlerted() != null && expect.ownerAlerted() != seen.ownerAlerted()) {
            failures.add(expect.ownerAlerted() ? "owner: not alerted" : "owner: alerted for nothing");
        }
        if (expect.message() != null && seen.messages().stream().noneMatch(m -> messageMatches(expect.message(), m))) {
            failures.add("message: not taken");
        }
        if (expect.transferTo() != null && !transferMatches(expect.transferTo(), seen.transfers())) {
            failures.add("transfer: not made");
        }
        if (expect.optedOut() != null && expect.optedOut() != seen.optedOut()) {
            failures.add("opt-out: not recorded");
        }
        if (expect.outcome() != null && !expect.outcome().equals(seen.outcome())) {
            failures.add("outcome: " + seen.outcome() + " instead of " + expect.outcome());
        }
        String replies = fold(String.join("\n", seen.replies()));
        if (expect.replyContains().stream().anyMatch(word -> !replies.contains(fold(word)))) {
            failures.add("reply: expected words missing");
        }
        if (expect.replyLanguage() != null && !expect.replyLanguage().equals(seen.lastLanguage())) {
            failures.add("reply: wrong language");
        }
        return new Verdict(List.copyOf(failures), wrongAction || lostOne);
    }

    private static int vagueness(Booked b) {
        return (b.start() == null ? 2 : 0) + (b.date() == null ? 1 : 0) + (b.service() == null ? 1 : 0);
    }

    private static boolean matches(Booked want, Booked have) {
        return (want.service() == null || want.service().equalsIgnoreCase(have.service()))
                && (want.start() == null || want.start().equals(have.start()))
                && (want.date() == null || want.date().equals(have.start().toLocalDate()))
                && (want.name() == null || fold(want.name()).equals(fold(have.name())))
                && (want.emergency() == null || want.emergency().equals(have.emergency()));
    }

    /** A stored message is "for <recipient>: <text>"; the recipient is a person, a department or "owner". */
    private static boolean messageMatches(CorpusConversation.Message want, String stored) {
        String text = fold(stored);
        String recipient = text.substring(4, text.indexOf(':'));
        String forWhom = want.forWhom() == null ? null : fold(want.forWhom());
        boolean right = forWhom == null
                || recipient.contains(forWhom)
                || forWhom.contains(recipient)
                || departmentOf(recipient, forWhom)
                || departmentOf(forWhom, recipient);
        return right && want.contains().stream().allMatch(word -> text.contains(fold(word)));
    }

    private static boolean transferMatches(String want, List<String> transferredTo) {
        String who = fold(want);
        String phone = CorpusBusiness.STAFF_PHONES.entrySet().stream()
                .filter(e -> e.getKey().contains(who) || who.contains(e.getKey()) || departmentOf(e.getKey(), who))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElse("?");
        return transferredTo.contains(phone);
    }

    private static boolean departmentOf(String employee, String department) {
        return (employee.contains("mike") && department.contains("estimate"))
                || (employee.contains("dana") && department.contains("office"));
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }
}
