package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.Channel;
import org.junit.jupiter.api.Test;

class ReplyShapeTest {

    @Test
    void textMessagesStayUnder320CharactersAndEndOnASentence() {
        String long1 = "We cover Boston, Cambridge and Somerville. ".repeat(10).trim();
        String sms = AssistantService.forChannel(long1, Channel.SMS);
        assertThat(sms).hasSizeLessThanOrEqualTo(320).endsWith("Somerville.");
        assertThat(AssistantService.forChannel(long1, Channel.WEB)).isEqualTo(long1);
        String noStops = "word ".repeat(100).trim();
        assertThat(AssistantService.forChannel(noStops, Channel.WHATSAPP))
                .hasSizeLessThanOrEqualTo(320)
                .endsWith("…");
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
