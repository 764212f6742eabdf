package dev.frontdesk.campaigns.internal;

import java.util.Locale;

/**
 * What a campaign's call says first: who is calling (the business's virtual assistant), for which business,
 * and why (the campaign's purpose), in the lead's language (English, Spanish or French); then the
 * campaign's opening script, or a question that lets the person answer. An answering machine hears the
 * same introduction and the number to call back.
 */
final class Openings {

    private Openings() {}

    /** en, es or fr: the languages the assistant speaks; English for any other. */
    static String language(String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        return lang.equals("es") || lang.equals("fr") ? lang : "en";
    }

    static String opening(String language, String name, String business, String purpose, String script) {
        String intro = introduction(language, name, business, purpose);
        if (script != null && !script.isBlank()) {
            return intro + " " + script.strip();
        }
        return intro
                + switch (language(language)) {
                    case "es" -> " ¿Tiene un momento?";
                    case "fr" -> " Avez-vous un instant ?";
                    default -> " Do you have a moment?";
                };
    }

    static String voicemail(String language, String name, String business, String purpose, String callBack) {
        return introduction(language, name, business, purpose)
                + switch (language(language)) {
                    case "es" -> " Por favor, llámenos al " + callBack + ". Gracias, adiós.";
                    case "fr" -> " Merci de nous rappeler au " + callBack + ". Merci, au revoir.";
                    default -> " Please call us back at " + callBack + ". Thank you, goodbye.";
                };
    }

    private static String introduction(String language, String name, String business, String purpose) {
        String who = name == null || name.isBlank() ? "" : " " + name.strip();
        String why = purpose.strip().replaceAll("[.!?]+$", "");
        return switch (language(language)) {
            case "es" -> "Hola" + who + ", le llama el asistente virtual de " + business + " por " + why + ".";
            case "fr" ->
                "Bonjour" + who + ", ici l'assistant virtuel de " + business + ", je vous appelle au sujet de " + why
                        + ".";
            default ->
                "Hello" + who + ", this is the virtual assistant of " + business + ", calling about " + why + ".";
        };
    }
}
