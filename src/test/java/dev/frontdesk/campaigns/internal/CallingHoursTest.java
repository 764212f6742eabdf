package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Leads are called inside the campaign's window and never before 08:00 or from 21:00, in their local time. */
class CallingHoursTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aWindowWiderThanTheLawIsCutTo8To21() {
        var hours = new CallingHours(LocalTime.of(6, 0), LocalTime.of(23, 0));
        assertThat(hours.open(MADRID, Instant.parse("2026-11-23T06:59:59Z"))).isFalse(); // 07:59:59 Madrid
        assertThat(hours.open(MADRID, Instant.parse("2026-11-23T07:00:00Z"))).isTrue(); // 08:00
        assertThat(hours.open(MADRID, Instant.parse("2026-11-23T19:59:59Z"))).isTrue(); // 20:59:59
        assertThat(hours.open(MADRID, Instant.parse("2026-11-23T20:00:00Z"))).isFalse(); // 21:00
    }

    @Test
    void aNarrowWindowIsKeptInTheLeadsOwnTimeZone() {
        var hours = new CallingHours(LocalTime.of(9, 0), LocalTime.of(18, 0));
        Instant noonUtc = Instant.parse("2026-11-23T12:00:00Z");
        assertThat(hours.open(MADRID, noonUtc)).isTrue(); // 13:00 in Madrid
        assertThat(hours.open(NEW_YORK, noonUtc)).isFalse(); // 07:00 in New York
        assertThat(hours.nextOpening(NEW_YORK, noonUtc)).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(hours.nextOpening(MADRID, Instant.parse("2026-11-23T17:00:00Z"))) // 18:00 Madrid
                .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void daylightSavingMovesTheHoursWithTheLocalClock() {
        var hours = new CallingHours(LocalTime.of(8, 0), LocalTime.of(21, 0));
        // New York's clocks go forward on 8 March 2026: 08:00 is 13:00Z before, 12:00Z after
        assertThat(hours.nextOpening(NEW_YORK, Instant.parse("2026-03-07T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-07T13:00:00Z"));
        assertThat(hours.nextOpening(NEW_YORK, Instant.parse("2026-03-09T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void aWindowOutside8To21LeavesNoTimeToCall() {
        assertThat(new CallingHours(LocalTime.of(21, 0), LocalTime.of(23, 0)).callable())
                .isFalse();
        assertThat(new CallingHours(LocalTime.of(5, 0), LocalTime.of(8, 0)).callable())
                .isFalse();
        assertThat(new CallingHours(LocalTime.of(5, 0), LocalTime.of(8, 1)).callable())
                .isTrue();
    }

    @Test
    void theOpeningSaysWhoCallsForWhichBusinessAndWhyInTheLeadsLanguage() {
        assertThat(Openings.opening("en", "Dana", "Bristol Plumbing", "your boiler check.", null))
                .isEqualTo("Hello Dana, this is the virtual assistant of Bristol Plumbing, calling about your boiler"
                        + " check. Do you have a moment?");
        assertThat(Openings.opening("es", null, "Fontanería Sol", "su revisión anual", "¿Le va bien el martes?"))
                .isEqualTo("Hola, le llama el asistente virtual de Fontanería Sol por su revisión anual. ¿Le va bien el"
                        + " martes?");
        assertThat(Openings.voicemail("fr", "Chloé", "Plomberie Lune", "votre contrôle", "+33612345678"))
                .contains("assistant virtuel de Plomberie Lune", "au sujet de votre contrôle", "+33612345678");
        assertThat(Openings.opening("de", "Frau Weber", "Sanitär Nord", "Ihre Boilerwartung", null))
                .isEqualTo("Guten Tag Frau Weber, hier ist der virtuelle Assistent von Sanitär Nord. Es geht um: Ihre"
                        + " Boilerwartung. Haben Sie einen Moment Zeit?");
        assertThat(Openings.language("it")).isEqualTo("en");
    }
}
