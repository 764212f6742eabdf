package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.knowledge.KnowledgeBase;
import dev.frontdesk.crm.Customers;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.directory.TransferTarget;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.messaging.NotificationSettings.OwnerEvent;
import dev.frontdesk.messaging.OwnerNotifications;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.Customer;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.TurnReads;
import dev.frontdesk.tenants.Business;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The assistant's tools, one implementation for both brains: check_availability, book_appointment,
 * reschedule_appointment, cancel_appointment, list_appointments, search_knowledge, take_message,
 * transfer_call, flag_emergency, end_call. They enforce the rules: a caller only sees, moves or cancels
 * appointments booked with their own phone number.
 */
@Component
class AssistantTools {

    /** At most one owner alert per conversation in this time (a life-threatening one may follow another). */
    static final java.time.Duration ALERT_INTERVAL = java.time.Duration.ofMinutes(10);

    private final Scheduling scheduling;
    private final KnowledgeBase knowledge;
    private final Messages messages;
    private final OwnerNotifications owner;
    private final Directory directory;
    private final CallerCodes codes;
    private final Customers customers;
    private final Clock clock;

    AssistantTools(
            Scheduling scheduling,
            KnowledgeBase knowledge,
            Messages messages,
            OwnerNotifications owner,
            Directory directory,
            CallerCodes codes,
            Customers customers,
            Clock clock) {
        this.owner = owner;
        this.customers = customers;
        this.scheduling = scheduling;
        this.knowledge = knowledge;
        this.messages = messages;
        this.directory = directory;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * Texts a one-time code to a number on file, to prove the caller holds it ({@link CallerCodes}); a
     * number with nothing booked gets no text, and the caller is told the same.
     */
    CallerCodes.Sent sendCode(Business business, UUID conversation, String phone, Function<String, String> text) {
        return codes.send(
                business,
                conversation,
                phone,
                !listAppointments(business, phone).isEmpty(),
                text);
    }

    /** Checks a one-time code the caller read back. */
    CallerCodes.Check checkCode(UUID conversation, String phone, String guess) {
        return codes.check(conversation, phone, guess);
    }

    List<TimeSlot> checkAvailability(Business business, String service, LocalDate date, boolean emergency) {
        return scheduling.freeSlots(business.id(), service, date, emergency);
    }

    /** Free slots on a day for moving the caller's appointment {@code moving} (its own time counts as free). */
    List<TimeSlot> availabilityForMove(Business business, String moving, LocalDate date) {
        return AppointmentId.parse(moving)
                .map(id -> scheduling.freeSlotsForMove(business.id(), id, date))
                .orElse(List.of());
    }

    Scheduling.BookingResult bookAppointment(
            Business business,
            String service,
            Instant start,
            String name,
            String phone,
            String email,
            String notes,
            boolean emergency,
            String channel,
            String language) {
        PhoneNumber number =
                phone == null ? null : PhoneNumber.parseStrict(phone).orElse(null);
        String to = email != null && !email.isBlank() ? email : emailOnFile(business, number, channel);
        try {
            return scheduling.book(
                    business.id(),
                    new Scheduling.Booking(
                            service, start, new Customer(name, number, to, language), notes, emergency, channel));
        } finally {
            appointmentsChanged();
        }
    }

    /**
     * The email of the business's customer with the number a call or a text came from (a lead a campaign
     * called, a caller who gave it before), so that a booking made on the phone sends its invite there too;
     * null on other channels (a number typed in a web chat is not the visitor's own) or without one.
     */
    private String emailOnFile(Business business, PhoneNumber number, String channel) {
        boolean carrierNumber = java.util.Arrays.stream(Channel.values())
                .anyMatch(c -> c.name().equals(channel) && c.carriesCallerNumber());
        if (number == null || !carrierNumber) {
            return null;
        }
        return customers.emailOnFile(business.id(), number).orElse(null);
    }

    /**
     * The caller's own upcoming appointments (by their phone number), read once per turn ({@link TurnReads}):
     * the policy and the ownership checks ask several times; a booking, move or cancellation forgets them.
     */
    List<Appointment> listAppointments(Business business, String callerPhone) {
        return PhoneNumber.parseStrict(callerPhone)
                .map(p -> TurnReads.get(
                        new CallersAppointments(business.id(), p), () -> scheduling.upcomingFor(business.id(), p)))
                .orElse(List.of());
    }

    private record CallersAppointments(dev.frontdesk.tenants.BusinessId business, PhoneNumber phone) {}

    private static void appointmentsChanged() {
        TurnReads.forget(key -> key instanceof CallersAppointments);
    }

    Scheduling.BookingResult rescheduleAppointment(
            Business business, String appointmentId, Instant newStart, String callerPhone) {
        if (!owns(business, appointmentId, callerPhone)) {
            return new Scheduling.Unavailable("not_found", List.of());
        }
        try {
            return scheduling.reschedule(
                    business.id(), AppointmentId.parse(appointmentId).orElseThrow(), newStart);
        } finally {
            appointmentsChanged();
        }
    }

    Optional<Appointment> cancelAppointment(Business business, String appointmentId, String callerPhone) {
        if (!owns(business, appointmentId, callerPhone)) {
            return Optional.empty();
        }
        try {
            return scheduling.cancel(
                    business.id(), AppointmentId.parse(appointmentId).orElseThrow());
        } finally {
            appointmentsChanged();
        }
    }

    Optional<String> searchKnowledge(Business business, String question) {
        return searchKnowledge(business, question, null);
    }

    static final java.util.Map<String, java.util.List<String>> FAQ = LanguageData.load("faq");

    /**
     * The knowledge base's answer: to the caller's words, or else to the usual way of asking a common
     * question their words point at, as both brains look it up ("which towns do you go out to" → "which areas do you cover").
     */
    Optional<String> answer(Business business, String text, String language) {
        Optional<String> answer = searchKnowledge(business, text, language);
        String folded = LanguageData.fold(text);
        // the common question whose words are said most fully first ("en cas de pépin un dimanche, vous
        // intervenez quand même ?" is about emergencies before it is about the area)
        var candidates = FAQ.entrySet().stream()
                .filter(faq -> LanguageData.containsAny(folded, faq.getValue()))
                .sorted(java.util.Comparator.comparingInt(
                                (java.util.Map.Entry<String, java.util.List<String>> faq) -> faq.getValue().stream()
                                        .filter(folded::contains)
                                        .mapToInt(String::length)
                                        .max()
                                        .orElse(0))
                        .reversed()
                        .thenComparing(java.util.Map.Entry::getKey))
                .toList();
        for (var faq : candidates) {
            if (answer.isPresent()) {
                break;
            }
            answer = searchKnowledge(business, faq.getKey(), language);
        }
        // "you do Brookline, right?": the one answer that names what was said
        return answer.or(() -> knowledge.answerNaming(business.id(), text).map(a -> a.in(language)));
    }

    /** The answer in the caller's language when the business wrote one, else as written. */
    Optional<String> searchKnowledge(Business business, String question, String language) {
        return knowledge.answer(business.id(), question).map(a -> a.in(language));
    }

    /**
     * Passes a caller's message on: to the employee or department it names ("tell Sam…", "for billing"),
     * otherwise to the owner, by SMS and email, stored for the dashboard (GET /api/messages).
     */
    void takeMessage(Business business, String callerName, String callerPhone, String text) {
        takeMessage(business, text, callerName, callerPhone, text);
    }

    /** A message for whoever {@code forWhom} names (the owner when nobody matches). */
    void takeMessage(Business business, String forWhom, String callerName, String callerPhone, String text) {
        directory.leaveMessage(business.id(), withDepartmentNames(forWhom), callerName, callerPhone, text);
    }

    /**
     * The number of whoever can take the call now: the person or department named, or for "a person"
     * the open department with the highest priority. Empty when nobody is available, so the caller is
     * offered a message instead.
     */
    Optional<String> transferCall(Business business, String target) {
        return directory
                .whoCanTakeACall(business.id(), withDepartmentNames(target), clock.instant())
                .map(TransferTarget::phone);
    }

    /** Whether the words name someone (or a department) of the business's staff. */
    boolean namesStaff(Business business, String words) {
        return directory.namesStaff(business.id(), withDepartmentNames(words));
    }

    private static final java.util.Map<String, List<String>> DEPARTMENTS = LanguageData.load("departments");

    /**
     * The words with the usual department names they point at added ("alguien de presupuestos" also says
     * "estimates", "quelqu'un au bureau" "office"), so a department is found whatever language it is asked in.
     */
    static String withDepartmentNames(String words) {
        if (words == null || words.isBlank()) {
            return words;
        }
        String folded = LanguageData.fold(words);
        StringBuilder out = new StringBuilder(words);
        DEPARTMENTS.forEach((name, phrases) -> {
            if (LanguageData.containsAny(folded, phrases) && !folded.contains(" " + name + " ")) {
                out.append(' ').append(name);
            }
        });
        return out.toString();
    }

    /**
     * Records that the caller does not want to be contacted again: the customer with that number is put on
     * the do-not-call list, and a texter ("stop texting me") is also opted out of texts, like STOP.
     */
    void optOut(Business business, String phone, boolean spoken) {
        if (phone != null) {
            PhoneNumber.parseStrict(phone).ifPresent(p -> {
                if (!spoken) {
                    messages.optOut(business.id(), p);
                }
                customers.doNotCall(business.id(), p);
            });
        }
    }

    /**
     * Alerts the owner at once, whatever the caller's SMS preferences, at most once per conversation every
     * {@link #ALERT_INTERVAL} (a caller, or a model, cannot send the owner a text per sentence), unless
     * this alert says someone may be in danger and the earlier one did not.
     *
     * @return whether the owner was told now (texted, emailed, or both, as the owner chose)
     */
    boolean alertOwner(Business business, Dialogue d, String callerPhone, String text, boolean lifeThreatening) {
        Instant now = clock.instant();
        if (d.ownerAlertedAt != null
                && now.isBefore(Instant.parse(d.ownerAlertedAt).plus(ALERT_INTERVAL))
                && (d.ownerAlertedOfDanger || !lifeThreatening)) {
            return false;
        }
        d.ownerAlertedAt = now.toString();
        d.ownerAlertedOfDanger |= lifeThreatening;
        return flagEmergency(business, callerPhone, text, lifeThreatening);
    }

    /**
     * Alerts the owner of an emergency the way the owner chose (by SMS unless they chose otherwise),
     * whatever the caller's SMS preferences; answers whether the owner was told.
     */
    private boolean flagEmergency(Business business, String callerPhone, String text, boolean lifeThreatening) {
        String body = (lifeThreatening ? "URGENT (possible danger) " : "URGENT ") + "emergency call"
                + (callerPhone == null ? "" : " from " + callerPhone) + ": \"" + abbreviate(text, 200)
                + "\". Please call back now.";
        return owner.notifyOwner(business.id(), OwnerEvent.EMERGENCY, body);
    }

    private boolean owns(Business business, String appointmentId, String callerPhone) {
        return AppointmentId.parse(appointmentId).isPresent()
                && listAppointments(business, callerPhone).stream()
                        .anyMatch(a -> a.id().toString().equals(appointmentId));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
