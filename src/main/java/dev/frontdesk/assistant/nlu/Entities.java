package dev.frontdesk.assistant.nlu;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.ServiceOffering;
import java.util.List;
import java.util.Optional;

/**
 * Slot values other than times, read from what a caller said or typed in any listed language (English, Spanish
 * and French): an email address (also spoken: "dana at example dot com"), a phone number (also spoken digit by
 * digit or in pairs), a name, which of the business's services they mean, and yes or no. A facade over {@link
 * Emails}, {@link Phones}, {@link Names}, {@link Services} and {@link YesNo}; the words come from {@code
 * assistant/lang/<code>/entities.properties}.
 */
public final class Entities {

    private Entities() {}

    /** An email address written out, or spoken with at/dot (arroba/punto, arobase/point). */
    public static Optional<String> email(String text) {
        return Emails.email(text);
    }

    /**
     * A phone number written in any common form ("(617) 555-0123", "+1 617 555 0123") or spoken as digits
     * ("six one seven five five five zero one two three", "seis uno siete…", "zéro six douze trente-quatre…",
     * "double five"), normalised with {@link PhoneNumber#parseLenient}.
     */
    public static Optional<PhoneNumber> phone(String text, String defaultRegion) {
        return Phones.phone(text, defaultRegion);
    }

    /** The text with any phone number written in it taken out. */
    public static String withoutPhone(String text) {
        return Phones.withoutWritten(text);
    }

    /** A one-time code of {@code length} digits, typed or spoken digit by digit or in pairs, in any listed language. */
    public static Optional<String> code(String text, int length) {
        return Phones.code(text, length);
    }

    /**
     * A name introduced the usual way: "my name is Dana Smith", "this is Dana", "it's Dana", "I'm Dana Smith", "me
     * llamo Ana", "soy Ana García", "je m'appelle Marie", "c'est Marie Dupont". At most three words; capitalised
     * unless the caller already mixed case ("McDonald").
     */
    public static Optional<String> name(String text, String language) {
        return Names.name(text, language);
    }

    /**
     * A name said on its own after the assistant asked for one: "Dana Smith", "um it's Dana", "ana garcía por
     * favor". Empty for anything that does not look like one to four name words.
     */
    public static Optional<String> bareName(String text) {
        return Names.bareName(text);
    }

    /**
     * The service the caller means, matched on the service names and aliases: shared words after light stemming
     * ("leaking" ~ "leak", "drains" ~ "drain"), one-letter typos in words of five letters or more. A word used by n
     * services weighs 1/n. A name or alias fits when all its words were said, or a word only that service uses, or
     * at least half its words weighing 1 or more; a generic shared word alone ("repair") does not fit. The fit with
     * the most weight wins, then the one with the larger share of its words said (the most specific). Empty when
     * nothing fits, or when two services fit equally well (the engine should ask which).
     */
    public static Optional<ServiceOffering> service(String text, List<ServiceOffering> services) {
        return Services.service(text, services);
    }

    /**
     * Yes or no, from the first word or phrase that decides it: "yeah sure" is yes, "no, make it Wednesday" is no
     * (the engine then looks for the correction), "no problem" is yes, "not sure" is neither.
     */
    public static Optional<Boolean> yesNo(String text, String language) {
        return YesNo.yesNo(text, language);
    }
}
