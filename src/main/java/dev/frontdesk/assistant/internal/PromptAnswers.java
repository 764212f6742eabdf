package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.LanguageDetector;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the LLM brain's reply, written without a tool, answers a question about the opening hours or the
 * prices, which the model is told in its system prompt and so needs no tool for. It does when the caller
 * asked one (as the offline brain reads their words), the reply begins with a statement rather than a question
 * back ("Which service do you mean?"), and it gives what the prompt told: one of the business's opening or
 * closing hours (8, 17 or 5 for 08:00-17:00, in digits or in words: "eight to five"), or an amount of one of its services' prices. A reply without
 * them ("Sure, anything else?", "I'm not sure about that") is no answer. Such a turn makes the conversation
 * ANSWERED, as the offline brain's answer does.
 */
final class PromptAnswers {

    /** The end of a sentence that is not a question: a full stop or exclamation mark before a space or the end. */
    private static final Pattern STATEMENT_END = Pattern.compile("[.!。！](\\s|$)");

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private PromptAnswers() {}

    /**
     * The summary line of the answer, when {@code reply} (in {@code language}) answers the question {@code asked}
     * from the prompt to the caller's {@code callerWords}; the hours and amounts count in digits or in words ("eight
     * to five", {@link NumberWords}) of the conversation's {@code language}, or of the caller's or the reply's.
     */
    static Optional<String> summary(
            Intent asked, String reply, String callerWords, String language, Business business) {
        if (reply == null || reply.isBlank() || asksBack(reply)) {
            return Optional.empty();
        }
        Set<Integer> said = numbers(reply);
        // in the conversation's language, the caller's words' and the reply's (a model answers in the caller's)
        Set<String> languages = new HashSet<>();
        languages.add(language);
        LanguageDetector.detect(callerWords).ifPresent(languages::add);
        LanguageDetector.detect(reply).ifPresent(languages::add);
        languages.forEach(written -> said.addAll(NumberWords.in(reply, written)));
        if (asked == Intent.HOURS && said.stream().anyMatch(hours(business)::contains)) {
            return Optional.of("Told the caller the opening hours (LLM).");
        }
        if (asked == Intent.PRICES && said.stream().anyMatch(prices(business)::contains)) {
            return Optional.of("Answered a question about prices (LLM).");
        }
        return Optional.empty();
    }

    /** Whether the reply's first sentence is a question. */
    static boolean asksBack(String reply) {
        String text = reply.strip();
        int ascii = text.indexOf('?');
        int wide = text.indexOf('？');
        int question = ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
        if (question < 0) {
            return false;
        }
        Matcher statement = STATEMENT_END.matcher(text);
        return !statement.find() || statement.start() > question;
    }

    /** The hours at which the business opens or closes on some day, on the 24-hour and the 12-hour clock. */
    private static Set<Integer> hours(Business business) {
        Set<Integer> hours = new HashSet<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (TimeRange range : business.hours().on(day)) {
                for (int hour : new int[] {range.start().getHour(), range.end().getHour()}) {
                    hours.add(hour);
                    hours.add(hour % 12 == 0 ? 12 : hour % 12);
                }
            }
        }
        return hours;
    }

    /** The amounts in the services' prices as the business writes them ("$89", "from 120 €"). */
    private static Set<Integer> prices(Business business) {
        Set<Integer> amounts = new HashSet<>();
        for (ServiceOffering service : business.services()) {
            if (service.priceText() != null) {
                amounts.addAll(numbers(service.priceText()));
            }
        }
        return amounts;
    }

    private static Set<Integer> numbers(String text) {
        Set<Integer> numbers = new HashSet<>();
        Matcher number = NUMBER.matcher(text.replaceAll("(\\d),(\\d{3})", "$1$2"));
        while (number.find()) {
            if (number.group().length() <= 6) {
                numbers.add(Integer.parseInt(number.group()));
            }
        }
        return numbers;
    }
}
