package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private static final Pattern LOST_APOSTROPHE = Pattern.compile(
            "\\b(youre|dont|cant|wont|isnt|doesnt|didnt|im|ive|youll|youve|thats|whats|theres|couldnt|wasnt|well be)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyPhraseExistsInEveryLanguage() {
        for (String language : Phrases.LANGUAGES) {
            for (String key : Phrases.keys()) {
                assertThat(Phrases.say(language, key, "A", "B", "C", "D", "E"))
                        .as(language + " " + key)
                        .isNotBlank();
            }
        }
    }

    @Test
    void noReplyShowsAPlaceholderOrLosesAnApostrophe() {
        for (String language : Phrases.LANGUAGES) {
            for (String key : Phrases.keys()) {
                String reply = Phrases.say(language, key, "Harbor Plumbing", "Leak repair", "Friday", "10", "x");
                assertThat(reply).as(language + " " + key).doesNotContain("{", "}", "''");
                if (language.equals("en")) {
                    assertThat(LOST_APOSTROPHE.matcher(reply).find())
                            .as("lost apostrophe in en " + key + ": " + reply)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void theChatGreetingKeepsItsApostrophes() {
        assertThat(Phrases.say("en", "greetingText", "Harbor Plumbing"))
                .isEqualTo("Hi! You're chatting with Harbor Plumbing's virtual assistant. How can I help?");
        assertThat(Phrases.say("fr", "greetingText", "Harbor Plumbing")).contains("l'assistant virtuel de Harbor");
    }
}
