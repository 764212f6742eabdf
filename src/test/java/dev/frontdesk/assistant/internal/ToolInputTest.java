package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The caller's number and start times as the model passes them, checked at the tool boundary. */
class ToolInputTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** Tuesday: 08:15-12:00 and 13:00-17:00, a 30-minute grid. */
    static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 11, 24, 0, 0);

    final Business business = business();

    private static Business business() {
        Business business = Mockito.mock(Business.class);
        Mockito.when(business.timezone()).thenReturn(ZONE);
        Mockito.when(business.phoneNumbers()).thenReturn(List.of(new PhoneNumber("+16175550100")));
        Mockito.when(business.settings()).thenReturn(BusinessSettings.defaults());
        Mockito.when(business.hours())
                .thenReturn(new WeeklyHours(Map.of(
                        DayOfWeek.TUESDAY,
                        List.of(
                                TimeRange.parse("08:15-12:00").orElseThrow(),
                                TimeRange.parse("13:00-17:00").orElseThrow()))));
        return business;
    }

    @Test
    void theCallersOwnNumberWinsAndAGivenOneBecomesE164InTheBusinessesCountry() {
        assertThat(ToolInput.phone(business, "+16175550123", "(212) 555-0100").value())
                .isEqualTo("+16175550123");
        assertThat(ToolInput.phone(business, null, "(617) 555-0199").value()).isEqualTo("+16175550199");
        assertThat(ToolInput.phone(business, null, "+44 20 7946 0958").value()).isEqualTo("+442079460958");
        assertThat(ToolInput.phone(business, null, "six one seven five five five zero one nine nine")
                        .value())
                .isEqualTo("+16175550199");
    }

    @Test
    void aMissingOrInvalidNumberIsAnErrorTheModelCanActOn() {
        var missing = ToolInput.phone(business, null, null);
        assertThat(missing.ok()).isFalse();
        assertThat(missing.error()).startsWith("error:").contains("ask for it", "customer_phone");
        var invalid = ToolInput.phone(business, null, "555-12");
        assertThat(invalid.ok()).isFalse();
        assertThat(invalid.error()).startsWith("error:").contains("'555-12' is not a valid phone number", "area code");
    }

    @Test
    void startsFollowTheGridFromEachOpeningTime() {
        assertThat(ToolInput.offGrid(business, TUESDAY.withHour(8).withMinute(45), List::of))
                .isEmpty();
        assertThat(ToolInput.offGrid(business, TUESDAY.withHour(13).withMinute(30), List::of))
                .isEmpty();
        assertThat(ToolInput.offGrid(business, TUESDAY.withHour(19).withMinute(7), List::of))
                .as("outside hours: the scheduler says why")
                .isEmpty();
    }

    @Test
    void anOffGridStartIsRefusedWithTheNearestFreeStarts() {
        List<TimeSlot> free = List.of(slot("08:15"), slot("08:45"), slot("09:15"), slot("10:15"));

        var refused = ToolInput.offGrid(business, TUESDAY.withHour(9).withMinute(7), () -> free);

        assertThat(refused)
                .hasValueSatisfying(error -> assertThat(error)
                        .startsWith("error: 09:07 is not a start time")
                        .contains("every 30 minutes", "2026-11-24T08:45, 2026-11-24T09:15"));
        assertThat(ToolInput.offGrid(business, TUESDAY.withHour(13).withMinute(10), List::of))
                .hasValueSatisfying(error -> assertThat(error).contains("nothing is free that day"));
    }

    @Test
    void aStartAStaffMembersHoursOfferIsFineOffTheBusinessGrid() {
        List<TimeSlot> free = List.of(slot("09:00"));

        assertThat(ToolInput.offGrid(business, TUESDAY.withHour(9), () -> free)).isEmpty();
    }

    private static TimeSlot slot(String time) {
        Instant start = TUESDAY.toLocalDate()
                .atTime(java.time.LocalTime.parse(time))
                .atZone(ZONE)
                .toInstant();
        return new TimeSlot(start, start.plus(Duration.ofMinutes(60)));
    }
}
