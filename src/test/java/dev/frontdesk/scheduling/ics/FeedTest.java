package dev.frontdesk.scheduling.ics;

import static dev.frontdesk.scheduling.ics.Examples.INVITES;
import static dev.frontdesk.scheduling.ics.Examples.haircut;
import static dev.frontdesk.scheduling.ics.Examples.instant;
import static dev.frontdesk.scheduling.ics.Examples.newYork;
import static dev.frontdesk.scheduling.ics.Examples.parse;
import static dev.frontdesk.scheduling.ics.Examples.value;
import static dev.frontdesk.scheduling.ics.Examples.withUid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** {@link Invites#feed}: the calendar a business subscribes to. */
class FeedTest {

    final List<Invite> week = List.of(
            haircut(),
            withUid(haircut(), "appt-43@frontdesk.dev", newYork("2026-03-11T09:00")),
            withUid(haircut(), "appt-44@frontdesk.dev", newYork("2026-03-12T16:30")));

    @Test
    void theFeedPublishesOneEventPerInviteUnderTheCalendarName() throws Exception {
        var calendar = parse(INVITES.feed("Bella's Salon, Main St", week));

        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Bella's Salon, Main St");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        assertThat(events)
                .extracting(e -> value(e, Property.UID))
                .containsExactly("appt-42@frontdesk.dev", "appt-43@frontdesk.dev", "appt-44@frontdesk.dev");
        assertThat(instant(events.get(2), Property.DTSTART)).isEqualTo(Instant.parse("2026-03-12T20:30:00Z"));
        assertThat(events).allSatisfy(e -> assertThat(value(e, Property.STATUS)).isEqualTo("CONFIRMED"));
        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void theCalendarNameIsOneEscapedLine() {
        var ics = INVITES.feed("Bella's; Salon, \\ Main St\r\n", week);

        assertThat(ics).contains("\r\nX-WR-CALNAME:Bella's\\; Salon\\, \\\\ Main St\r\n");
        assertThat(value(parse(ics), "X-WR-CALNAME")).isEqualTo("Bella's; Salon, \\ Main St");
    }

    @Test
    void everyEventInTheFeedIsStampedWithTheSameInstant() {
        var events = parse(INVITES.feed("Bella's Salon", week)).<VEvent>getComponents("VEVENT");

        assertThat(events).extracting(e -> instant(e, Property.DTSTAMP)).containsOnly(Examples.NOW);
    }

    @Test
    void theFeedLeavesCustomersOut() {
        assertThat(INVITES.feed("Bella's Salon", week))
                .doesNotContain("ATTENDEE")
                .doesNotContain("maria@example.com");
    }

    @Test
    void aBusinessWithNoAppointmentsGetsAnEmptyButParseableFeed() {
        var calendar = parse(INVITES.feed("Bella's Salon", List.of()));

        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Bella's Salon");
        assertThat(calendar.getComponents()).isEmpty();
    }

    @Test
    void theFeedRejectsAMissingNameAndTwoEventsWithOneUid() {
        assertThatIllegalArgumentException().isThrownBy(() -> INVITES.feed(" ", week));
        assertThatIllegalArgumentException().isThrownBy(() -> INVITES.feed("Bella's Salon", null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> INVITES.feed("Bella's Salon", List.of(haircut(), haircut())))
                .withMessageContaining("appt-42@frontdesk.dev");
    }
}
