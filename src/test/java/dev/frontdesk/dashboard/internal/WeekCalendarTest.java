package dev.frontdesk.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.frontdesk.directory.Directory;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.AppointmentStatus;
import dev.frontdesk.scheduling.Customer;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The week calendar reads a week with one range query however many appointments and days it holds, names
 * staff members with one directory read, and puts overlapping appointments side by side in one cluster.
 */
class WeekCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BusinessId BUSINESS = new BusinessId(UUID.randomUUID());

    private final Scheduling scheduling = mock(Scheduling.class);
    private final Directory directory = mock(Directory.class);
    private final WeekCalendar calendar =
            new WeekCalendar(scheduling, directory, Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));

    private static Business business() {
        Business business = mock(Business.class);
        when(business.id()).thenReturn(BUSINESS);
        when(business.timezone()).thenReturn(LONDON);
        when(business.closedDates()).thenReturn(Set.of(LocalDate.parse("2026-11-27")));
        List<TimeRange> nineToFive = List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        when(business.hours())
                .thenReturn(new WeeklyHours(Map.of(
                        DayOfWeek.MONDAY, nineToFive,
                        DayOfWeek.TUESDAY, nineToFive,
                        DayOfWeek.WEDNESDAY, nineToFive,
                        DayOfWeek.THURSDAY, nineToFive,
                        DayOfWeek.FRIDAY, nineToFive)));
        return business;
    }

    private static Appointment appointment(String start, int minutes, String customer, String staffId) {
        Instant at = Instant.parse(start);
        return new Appointment(
                new AppointmentId(UUID.randomUUID()),
                BUSINESS,
                new Customer(customer, null, null, null),
                "Boiler service",
                staffId,
                at,
                at.plusSeconds(minutes * 60L),
                AppointmentStatus.SCHEDULED,
                false,
                null,
                "API",
                null,
                null,
                0,
                at,
                at);
    }

    @Test
    void aWeekIsOneRangeQueryAndOverlappingAppointmentsSitSideBySide() {
        UUID sam = UUID.randomUUID();
        when(scheduling.live(eq(BUSINESS), any(), any()))
                .thenReturn(List.of(
                        appointment("2026-11-24T10:00:00Z", 60, "Ann", sam.toString()),
                        appointment("2026-11-24T10:30:00Z", 60, "Ben", null),
                        appointment("2026-11-26T14:00:00Z", 30, "Cal", null)));
        when(directory.staff(eq(BUSINESS), any()))
                .thenReturn(new Directory.StaffList(
                        List.of(),
                        List.of(new Directory.StaffMember(sam, "Sam Lee", null, List.of(), "ACTIVE", true))));

        var week = calendar.week(business(), "2026-11-25", true);

        verify(scheduling, times(1))
                .live(BUSINESS, Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
        verify(directory, times(1)).staff(eq(BUSINESS), any());
        verifyNoMoreInteractions(scheduling, directory);

        assertThat(week.monday()).isEqualTo("2026-11-23");
        var tuesday = week.days().get(1);
        var clusters =
                tuesday.items().stream().filter(i -> i.kind().equals("cluster")).toList();
        assertThat(clusters).hasSize(1);
        // 10:00 is the 5th row after 09:00 and the header; Ann's hour and Ben's from 10:30 make 1h30
        assertThat(clusters.getFirst().row()).isEqualTo(6);
        assertThat(clusters.getFirst().span()).isEqualTo(6);
        assertThat(clusters.getFirst().blocks())
                .extracting(WeekCalendar.Block::customerName, WeekCalendar.Block::row, WeekCalendar.Block::staff)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Ann", 1, "Sam Lee"),
                        org.assertj.core.groups.Tuple.tuple("Ben", 3, null));
        // Friday is a closed date, the weekend has no hours: no free cell on them
        assertThat(week.days().get(4).closed()).isTrue();
        assertThat(week.days().get(5).items()).allMatch(i -> i.kind().equals("closed"));
        assertThat(week.days().get(4).bookTime()).isNull();
        assertThat(week.days().get(0).bookTime()).isEqualTo("09:00");
    }

    @Test
    void aWeekWithoutStaffMembersDoesNotReadTheDirectory() {
        when(scheduling.live(eq(BUSINESS), any(), any()))
                .thenReturn(List.of(appointment("2026-11-24T10:00:00Z", 60, "Ann", null)));

        calendar.week(business(), null, false);

        verify(scheduling, times(1)).live(eq(BUSINESS), any(), any());
        verifyNoMoreInteractions(scheduling, directory);
    }
}
