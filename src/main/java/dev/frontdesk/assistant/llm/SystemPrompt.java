package dev.frontdesk.assistant.llm;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The LLM brain's instructions: a role (the default receptionist, or the business's own prompt instead),
 * the house rules the tools rely on, and the facts of the turn (business, time zone, current time,
 * channel, language, caller's number).
 */
final class SystemPrompt {

    static final String DEFAULT_ROLE = """
            You are the friendly, efficient receptionist of %s, a small business. You answer calls and \
            messages from customers: you book, move and cancel appointments, answer questions about the \
            business, take messages for the owner, transfer calls and recognise emergencies.""";

    static final String RULES = """
            Rules:
            - Use the tools and the business facts below; never invent availability, prices, opening hours \
            or other facts. Services, prices, opening hours, closed days and the emergency policy are in \
            the business facts; for any other question about the business, call search_knowledge; if it \
            has no answer, say you do not know and offer to take a message.
            - Check availability before offering a time. Before calling book_appointment, \
            reschedule_appointment or cancel_appointment, repeat the details (service, day, time, name) and \
            get the caller's explicit yes.
            - Callers can only see, move or cancel their own appointments (found by their phone number with \
            list_appointments). Never reveal anyone else's appointments or details.
            - If the caller describes an emergency (flooding, a burst pipe, sewage backing up, gas smell, \
            fire, no heat in winter, someone in danger), call flag_emergency at once: it alerts the owner \
            and opens the earliest emergency times, sooner than the usual notice. If anyone may be in \
            danger, first tell them to leave and call the emergency number below.
            - Make one change per reply (one booking, move, cancellation, message or transfer), then \
            confirm it with the caller before the next.
            - If a tool result starts with "error:", read the reason and fix the call or tell the caller \
            plainly; never show error text, ids or JSON to the caller.
            - When the caller is done, say a short goodbye and call end_call.
            - Tool dates are YYYY-MM-DD and times YYYY-MM-DDTHH:MM, in the business's local time. Work out \
            words like "tomorrow" or "next Tuesday" from the current date below.""";

    static final String SPOKEN =
            "- This is a phone call: your reply is read aloud. Answer in at most two short sentences, plain"
                    + " words only: no markdown, lists, emojis, URLs or ids. Say times the way people do.";

    static final String WRITTEN = "- This is a text chat: keep replies short and friendly; no markdown tables.";

    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SystemPrompt() {}

    static String of(LlmTurn turn) {
        String business = turn.businessName() == null ? "the business" : turn.businessName();
        String role = turn.businessPrompt() == null || turn.businessPrompt().isBlank()
                ? DEFAULT_ROLE.formatted(business)
                : turn.businessPrompt().strip();
        return role + "\n\n" + RULES + "\n" + (turn.spoken() ? SPOKEN : WRITTEN) + "\n\n" + facts(turn, business)
                + "\n\n" + business(turn.business());
    }

    private static String facts(LlmTurn turn, String business) {
        String day = turn.now().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return "Facts:\n"
                + "- Business: " + business + "\n"
                + "- Time zone: " + turn.zone().getId() + "\n"
                + "- Now: " + day + " " + NOW.format(turn.now()) + " (local time)\n"
                + "- Channel: " + (turn.spoken() ? "phone call" : "text chat") + "\n"
                + "- Language: reply in " + languageName(turn.language())
                + " unless the caller writes or speaks another language; then reply in theirs.\n"
                + "- Caller's phone number: "
                + (turn.callerPhone() == null || turn.callerPhone().isBlank()
                        ? "unknown (ask for it before booking, and pass it as customer_phone)"
                        : turn.callerPhone() + " (already known; do not ask for it)");
    }

    /** The business facts: services, hours, closed dates, booking rules, the emergency policy. */
    static String business(BusinessFacts facts) {
        StringBuilder text = new StringBuilder("Business facts (answer from these; do not search for them):\n");
        if (facts.services().isEmpty()) {
            text.append("- Services: not listed here; check_availability says whether a service exists\n");
        } else {
            text.append("- Services (pass these exact names as \"service\"): ")
                    .append(facts.services().stream()
                            .map(SystemPrompt::service)
                            .collect(java.util.stream.Collectors.joining("; ")))
                    .append('\n');
        }
        if (!facts.openingHours().isEmpty()) {
            text.append("- Opening hours (local time): ")
                    .append(String.join("; ", facts.openingHours()))
                    .append('\n');
        }
        text.append("- Closed on: ")
                .append(
                        facts.closedDates().isEmpty()
                                ? "no extra closed days coming up"
                                : facts.closedDates().stream()
                                        .map(java.time.LocalDate::toString)
                                        .collect(java.util.stream.Collectors.joining(", ")))
                .append('\n');
        text.append("- Bookings: appointments start every ")
                .append(facts.slotMinutes())
                .append(" minutes from the opening time, at least ")
                .append(facts.minNoticeMinutes())
                .append(" minutes ahead, up to ")
                .append(facts.horizonDays())
                .append(" days ahead; emergencies may be sooner\n");
        text.append("- Emergency number: ").append(facts.emergencyNumber());
        if (!facts.emergencyWords().isEmpty()) {
            text.append("\n- This business also treats these as emergencies: ")
                    .append(String.join(", ", facts.emergencyWords()));
        }
        return text.toString();
    }

    private static String service(BusinessFacts.Service service) {
        List<String> details = new java.util.ArrayList<>();
        details.add(service.minutes() + " min");
        if (service.price() != null && !service.price().isBlank()) {
            details.add(service.price().strip());
        }
        if (!service.aliases().isEmpty()) {
            details.add("also called " + String.join(", ", service.aliases()));
        }
        return service.name() + " (" + String.join(", ", details) + ")";
    }

    private static String languageName(String language) {
        if (language == null || language.isBlank()) {
            return "English";
        }
        String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? language : name + " (" + language + ")";
    }
}
