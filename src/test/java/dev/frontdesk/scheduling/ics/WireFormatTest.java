package dev.frontdesk.scheduling.ics;

import static dev.frontdesk.scheduling.ics.Examples.INVITES;
import static dev.frontdesk.scheduling.ics.Examples.haircut;
import static dev.frontdesk.scheduling.ics.Examples.onlyEvent;
import static dev.frontdesk.scheduling.ics.Examples.parse;
import static dev.frontdesk.scheduling.ics.Examples.value;
import static dev.frontdesk.scheduling.ics.Examples.withText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

/** RFC 5545 section 3.1: CRLF line endings and lines of at most 75 octets. */
class WireFormatTest {

    static final String LONG = "Señora Núñez — café con leche, ".repeat(12) + "🙂 ".repeat(40) + "fin";

    final Invite wordy = withText(haircut(), LONG, LONG, LONG);

    @Test
    void everyLineEndsInCrlfAndNoLineIsLongerThan75Octets() {
        for (var ics : List.of(INVITES.request(wordy), INVITES.cancel(wordy), INVITES.feed(LONG, List.of(wordy)))) {
            assertThat(ics).endsWith("END:VCALENDAR\r\n");
            assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
            assertThat(lines(ics))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                            .as("octets in %s", line)
                            .isLessThanOrEqualTo(75));
        }
    }

    @Test
    void foldingNeverSplitsACharacter() {
        var lines = lines(INVITES.request(wordy));

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(" "));
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.codePoints())
                        .as("an emoji cut in half leaves a lone surrogate in %s", line)
                        .noneMatch(c -> Character.getType(c) == Character.SURROGATE));
    }

    @Test
    void longNonAsciiTextUnfoldsToExactlyWhatWasWritten() {
        var event = onlyEvent(parse(INVITES.request(wordy)));

        assertThat(value(event, Property.SUMMARY)).isEqualTo(LONG);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo(LONG);
        assertThat(value(event, Property.LOCATION)).isEqualTo(LONG);
    }

    @Test
    void controlCharactersOtherThanNewlinesAndTabsAreDropped() {
        var event = onlyEvent(parse(INVITES.request(withText(haircut(), "Bell\u0007 ring\tnow", "a\u0000b\nc", null))));

        assertThat(value(event, Property.SUMMARY)).isEqualTo("Bell ring\tnow");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("ab\nc");
    }

    private static List<String> lines(String ics) {
        var body = ics.substring(0, ics.length() - 2); // the last CRLF ends the last line
        return Arrays.asList(body.split("\r\n", -1));
    }
}
