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
        return d.service == null ? "" : d.service.toLowerCase(Phrases.locale(d.language));
    }

    static Output end(Dialogue d, String text) {
        d.ended = true;
        return Output.end(text);
    }

    static String region(Context ctx) {
        return ctx.business().phoneNumbers().stream()
                .findFirst()
                .or(() -> Optional.ofNullable(ctx.business().ownerPhone()))
                .flatMap(PhoneNumber::region)
                .orElse("US");
    }

    /**
     * A bare weekday said for moving an appointment, taken in the week where it is nearest to the
     * appointment ("my appointment on Tuesday the 1st, to Wednesday" is Wednesday the 2nd, not tomorrow).
     */
    static java.time.LocalDate nearestTo(java.time.ZoneId zone, java.time.LocalDate day, java.time.Instant appointment) {
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
