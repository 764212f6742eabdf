package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.shared.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/** What every part of the offline brain's dialogue policy shares: the tools and how times are said. */
abstract class Flow {

    /** An intent at least this sure may change the task the caller is on. */
    static final double STRONG = 0.55;

    final AssistantTools tools;

    Flow(AssistantTools tools) {
        this.tools = tools;
    }

    String when(Context ctx, Dialogue d, Instant instant) {
        return Speech.when(instant, ctx.business().timezone(), ctx.now(), d.language, ctx.spoken());
    }

    /** The caller's appointment the dialogue is about (being moved or cancelled), if still theirs. */
    Optional<Appointment> appointment(Context ctx, Dialogue d) {
        if (d.appointmentId == null) {
            return Optional.empty();
        }
        return tools.listAppointments(ctx.business(), d.phone).stream()
                .filter(a -> a.id().toString().equals(d.appointmentId))
                .findFirst();
    }

    static String serviceName(Dialogue d) {
        return d.service == null ? "" : Speech.service(d.service, d.language);
    }

    /**
     * Puts the caller through to {@code number} (both brains do it this way): the assistant's "connecting"
     * line, then the transfer, with a whisper for the person who answers: who calls and what they said.
     */
    static Output transfer(Dialogue d, String number, String callerWords) {
        String words = callerWords == null ? "" : callerWords.strip();
        String whisper = "Frontdesk call from " + (d.phone == null ? "an unknown number" : d.phone) + ": "
                + (words.length() > 120 ? words.substring(0, 120) : words);
        return new Output(
                Phrases.say(d.language, "connecting"),
                java.util.List.of(new dev.frontdesk.assistant.AssistantReply.Action.Transfer(number, whisper)));
    }

    static Output end(Dialogue d, String text) {
        d.ended = true;
        return Output.end(text);
    }

    /** The number to call when someone may be in danger, by the business's country. */
    static String emergencyNumber(Context ctx) {
        return switch (region(ctx)) {
            case "GB" -> "999";
            case "US", "CA" -> "911";
            case "AU" -> "000";
            default -> "112";
        };
    }

    static String region(Context ctx) {
        return region(ctx.business());
    }

    /** The business's country (of its first number, else the owner's), for numbers written without one. */
    static String region(dev.frontdesk.tenants.Business business) {
        return business.phoneNumbers().stream()
                .findFirst()
                .or(() -> Optional.ofNullable(business.ownerPhone()))
                .flatMap(PhoneNumber::region)
                .orElse("US");
    }

    /**
     * A bare weekday said for moving an appointment, taken in the week where it is nearest to the
     * appointment ("my appointment on Tuesday the 1st, to Wednesday" is Wednesday the 2nd, not tomorrow).
     */
    static java.time.LocalDate nearestTo(
            java.time.ZoneId zone, java.time.LocalDate day, java.time.Instant appointment) {
        java.time.LocalDate at = appointment.atZone(zone).toLocalDate();
        java.time.LocalDate best = day;
        for (java.time.LocalDate next = day.plusWeeks(1);
                Math.abs(next.toEpochDay() - at.toEpochDay()) < Math.abs(best.toEpochDay() - at.toEpochDay());
                next = next.plusWeeks(1)) {
            best = next;
        }
        return best;
    }
}
