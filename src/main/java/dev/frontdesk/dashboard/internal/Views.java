package dev.frontdesk.dashboard.internal;

import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.tenants.Business;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the pages show, already in the business's timezone: the templates do no time arithmetic. */
final class Views {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Views() {}

    /** One appointment as a row of a list. */
    record AppointmentRow(
            String id,
            String day,
            String date,
            String time,
            String endTime,
            String startIso,
            String service,
            String customerName,
            String customerPhone,
            String status,
            boolean emergency) {}

    /** A free time offered instead of the one asked for; {@code date} and {@code time} fill the booking form. */
    record Alternative(String label, String date, String time) {}

    static AppointmentRow row(Appointment a, ZoneId zone) {
        var start = a.start().atZone(zone);
        return new AppointmentRow(
                a.id().toString(),
                DAY.format(start),
                start.toLocalDate().toString(),
                TIME.format(start),
                TIME.format(a.end().atZone(zone)),
                a.start().toString(),
                a.service(),
                a.customer() == null ? "" : a.customer().name(),
                a.customer() == null || a.customer().phone() == null
                        ? ""
                        : a.customer().phone().e164(),
                a.status().name(),
                a.emergency());
    }

    static Alternative alternative(TimeSlot slot, ZoneId zone) {
        var start = slot.start().atZone(zone);
        return new Alternative(
                DAY.format(start) + " " + TIME.format(start),
                start.toLocalDate().toString(),
                TIME.format(start));
    }

    static String fullDay(LocalDate day) {
        return FULL_DAY.format(day);
    }

    static String dayAndTime(Instant instant, ZoneId zone) {
        var at = instant.atZone(zone);
        return DAY.format(at) + " " + TIME.format(at);
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** A call's length as minutes and seconds, {@code 1:34}. */
    static String duration(long seconds) {
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** The region a phone number typed without its country code is read in: the business's own. */
    static String phoneRegion(Business business) {
        return business.phoneNumbers().stream()
                .findFirst()
                .or(() -> java.util.Optional.ofNullable(business.ownerPhone()))
                .flatMap(dev.frontdesk.shared.PhoneNumber::region)
                .orElse("US");
    }

    /** An enum constant as words: {@code MESSAGE_TAKEN} → "Message taken"; "" for null. */
    static String label(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A channel as people call it. */
    static String channel(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "VOICE" -> "Call";
            case "SMS" -> "SMS";
            case "WHATSAPP" -> "WhatsApp";
            case "WEB" -> "Web chat";
            case "EMAIL" -> "Email";
            case "DASHBOARD" -> "Dashboard";
            case "API" -> "API";
            default -> label(channel);
        };
    }

    /** A language code as its English name ("es" → "Spanish"); the code itself when unknown, "" for null. */
    static String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }
}
