package dev.frontdesk.scheduling.ics;

import static dev.frontdesk.scheduling.ics.Examples.INVITES;
import static dev.frontdesk.scheduling.ics.Examples.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Nonsense is refused before any iCalendar is written. */
class RejectedInputTest {

    static final Instant TEN = newYork("2026-03-10T10:00");
    static final Instant ELEVEN = newYork("2026-03-10T11:00");

    static Invite invite(String uid, int sequence, Instant start, Instant end) {
        return invite(uid, sequence, start, end, "hello@bella.example", "maria@example.com");
    }

    static Invite invite(String uid, int sequence, Instant start, Instant end, String organizer, String attendee) {
        return new Invite(uid, sequence, "Haircut", null, start, end, null, null, organizer, null, attendee, null);
    }

    @Test
    void anInviteNeedsAUidAStartAndAnEndAfterIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite(null, 0, TEN, ELEVEN))
                .withMessageContaining("uid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite(" ", 0, TEN, ELEVEN))
                .withMessageContaining("uid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("a@b\r\nX-EVIL:1", 0, TEN, ELEVEN))
                .withMessageContaining("uid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", 0, null, ELEVEN))
                .withMessageContaining("start");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", 0, TEN, null))
                .withMessageContaining("end");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", 0, TEN, TEN))
                .withMessageContaining("after");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", 0, ELEVEN, TEN))
                .withMessageContaining("after");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", 0, TEN, TEN.plusMillis(500)))
                .withMessageContaining("after");
    }

    @Test
    void theSequenceCannotBeNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", -1, TEN, ELEVEN))
                .withMessageContaining("sequence");
    }

    @Test
    void addressesMustLookLikeEmail() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", 0, TEN, ELEVEN, "not an address", null))
                .withMessageContaining("organizerEmail");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invite("u", 0, TEN, ELEVEN, null, "maria@example.com\r\nBCC:x@y"))
                .withMessageContaining("attendeeEmail");
    }

    @Test
    void invitationsAndCancellationsNeedBothAddressesButTheFeedDoesNot() {
        var noOrganizer = invite("u", 0, TEN, ELEVEN, null, "maria@example.com");
        var noAttendee = invite("u", 0, TEN, ELEVEN, "hello@bella.example", null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> INVITES.request(noOrganizer))
                .withMessageContaining("organizer");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> INVITES.cancel(noAttendee))
                .withMessageContaining("attendee");
        assertThatIllegalArgumentException().isThrownBy(() -> INVITES.request(null));
        assertThat(INVITES.feed("Bella's Salon", java.util.List.of(noAttendee))).contains("UID:u\r\n");
    }

    @Test
    void theContentTypeCarriesTheMethodMailClientsLookFor() {
        assertThat(Invites.contentType("REQUEST")).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(Invites.contentType("cancel")).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
        assertThatIllegalArgumentException().isThrownBy(() -> Invites.contentType("INVITE"));
        assertThatIllegalArgumentException().isThrownBy(() -> Invites.contentType(null));
    }
}
