package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.speech.ReplyText;
import org.junit.jupiter.api.Test;

class ReplyShapeTest {

    static final java.time.ZoneId NEW_YORK = java.time.ZoneId.of("America/New_York");

    @Test
    void textMessagesStayUnder320CharactersAndEndOnASentence() {
        String long1 = "We cover Boston, Cambridge and Somerville. ".repeat(10).trim();
        String sms = ReplyText.forChannel(long1, Channel.SMS, "en", NEW_YORK);
        assertThat(sms).hasSizeLessThanOrEqualTo(320).endsWith("Somerville.");
        // a chat window shows more
        assertThat(ReplyText.forChannel(long1, Channel.WEB, "en", NEW_YORK)).isEqualTo(long1);
        String noStops = "word ".repeat(100).trim();
        assertThat(ReplyText.forChannel(noStops, Channel.WHATSAPP, "en", NEW_YORK))
                .hasSizeLessThanOrEqualTo(320)
                .endsWith("…");
    }

    @Test
    void aCallGetsAtMostTwoSentences() {
        String long1 = "We cover Boston, Cambridge and Somerville. ".repeat(3).trim();
        assertThat(ReplyText.forChannel(long1, Channel.VOICE, "en", NEW_YORK))
                .isEqualTo("We cover Boston, Cambridge and Somerville. We cover Boston, Cambridge and Somerville.");
    }

    @Test
    void repliesStartWithACapital() {
        assertThat(AssistantService.sentence("two o'clock is taken.")).isEqualTo("Two o'clock is taken.");
        assertThat(AssistantService.sentence("¿Qué día?")).isEqualTo("¿Qué día?");
    }

    @Test
    void theCallersNumberSuggestsTheirLanguage() {
        assertThat(NumberLanguage.of("+34912345678")).contains("es");
        assertThat(NumberLanguage.of("+33142685300")).contains("fr");
        assertThat(NumberLanguage.of("+16175550123")).isEmpty();
        assertThat(NumberLanguage.of(null)).isEmpty();
    }
}
