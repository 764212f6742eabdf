package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A validated business profile, ready to store. */
record BusinessDraft(
        String name,
        ZoneId timezone,
        List<PhoneNumber> phoneNumbers,
        PhoneNumber ownerPhone,
        String ownerEmail,
        List<ServiceOffering> services,
        WeeklyHours hours,
        Set<LocalDate> closedDates,
        String greeting,
        String defaultLanguage,
        List<String> emergencyKeywords,
        BusinessSettings settings) {}
