package dev.frontdesk.assistant.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/** What the assistant says, in English, Spanish and French. Placeholders are {0}, {1}, ... */
final class Phrases {

    private Phrases() {}

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            entry(
                    "greeting",
                    "Thanks for calling {0}. How can I help?",
                    "Gracias por llamar a {0}. ¿En qué puedo ayudarle?",
                    "Merci d''avoir appelé {0}. Comment puis-je vous aider ?"),
            entry("howCanIHelp", "How can I help?", "¿En qué puedo ayudarle?", "Comment puis-je vous aider ?"),
            entry(
                    "anythingElse",
                    "Is there anything else I can help with?",
                    "¿Puedo ayudarle en algo más?",
                    "Puis-je vous aider pour autre chose ?"),
            entry(
                    "whatElse",
                    "Sure, what else can I do for you?",
                    "Claro, ¿qué más puedo hacer por usted?",
                    "Bien sûr, que puis-je faire d''autre pour vous ?"),
            entry(
                    "goodbye",
                    "Thanks for calling {0}. Goodbye!",
                    "Gracias por llamar a {0}. ¡Adiós!",
                    "Merci d''avoir appelé {0}. Au revoir !"),
            entry(
                    "greetingText",
                    "Hi! You''re chatting with {0}''s virtual assistant. How can I help?",
                    "¡Hola! Está hablando con el asistente virtual de {0}. ¿En qué puedo ayudarle?",
                    "Bonjour ! Vous êtes en ligne avec l''assistant virtuel de {0}. Comment puis-je vous aider ?"),
            entry(
                    "connecting",
                    "One moment, I''m putting you through.",
                    "Un momento, le paso.",
                    "Un instant, je vous mets en relation."),
            entry(
                    "goodbyeText",
                    "Thanks for contacting {0}. Goodbye!",
                    "Gracias por contactar con {0}. ¡Adiós!",
                    "Merci d''avoir contacté {0}. Au revoir !"),
            entry(
                    "silence",
                    "Sorry, I didn''t hear anything. How can I help?",
                    "Perdone, no le he oído. ¿En qué puedo ayudarle?",
                    "Désolé, je n''ai rien entendu. Comment puis-je vous aider ?"),
            entry(
                    "silenceOfferMessage",
                    "I still can''t hear you. If you''d like, tell me your message and I''ll pass it on.",
                    "Sigo sin oírle. Si quiere, dígame su mensaje y lo transmitiré.",
                    "Je ne vous entends toujours pas. Si vous voulez, dites-moi votre message et je le transmettrai."),
            entry(
                    "notUnderstood",
                    "Sorry, I didn''t catch that. Could you say it another way?",
                    "Perdone, no le he entendido. ¿Puede decirlo de otra forma?",
                    "Désolé, je n''ai pas compris. Pouvez-vous le dire autrement ?"),
            entry(
                    "giveUp",
                    "I''m sorry I''m having trouble, but I can take a message for the team. What would you like to tell them?",
                    "Lo siento, me está costando entenderle, pero puedo tomar un mensaje para el equipo. ¿Qué quiere decirles?",
                    "Désolé, j''ai du mal à comprendre, mais je peux prendre un message pour l''équipe. Que voulez-vous leur dire ?"),
            entry("confirmHeard", "Did you say \"{0}\"?", "¿Ha dicho \"{0}\"?", "Avez-vous dit « {0} » ?"),
            entry(
                    "sayAgain",
                    "Sorry, please say that again.",
                    "Perdone, repítalo por favor.",
                    "Désolé, pouvez-vous répéter ?"),
            entry(
                    "askService",
                    "Which service do you need: {0}?",
                    "¿Qué servicio necesita: {0}?",
                    "De quel service avez-vous besoin : {0} ?"),
            entry(
                    "askWhen",
                    "What day and time would suit you?",
                    "¿Qué día y a qué hora le vendría bien?",
                    "Quel jour et à quelle heure cela vous arrangerait-il ?"),
            entry(
                    "askWhenVague",
                    "Sure. Which day works best, and morning or afternoon?",
                    "Claro. ¿Qué día le viene mejor, por la mañana o por la tarde?",
                    "D''accord. Quel jour vous convient le mieux, le matin ou l''après-midi ?"),
            entry(
                    "offerSlots",
                    "I can do {0}. Which would you like?",
                    "Puedo {0}. ¿Cuál prefiere?",
                    "Je peux {0}. Qu''est-ce qui vous convient ?"),
            entry(
                    "slotTaken",
                    "{0} is not available, but I can do {1}. Would one of those work?",
                    "{0} no está disponible, pero puedo {1}. ¿Le sirve alguna?",
                    "{0} n''est pas disponible, mais je peux {1}. Cela vous convient-il ?"),
            entry(
                    "noSlots",
                    "Sorry, I have nothing free then. Would another day work?",
                    "Lo siento, no tengo nada libre entonces. ¿Le viene bien otro día?",
                    "Désolé, je n''ai rien de libre à ce moment-là. Un autre jour vous conviendrait-il ?"),
            entry(
                    "askName",
                    "Can I have your name, please?",
                    "¿Me dice su nombre, por favor?",
                    "Puis-je avoir votre nom, s''il vous plaît ?"),
            entry(
                    "askPhone",
                    "What''s the best phone number to reach you?",
                    "¿Cuál es el mejor número para contactarle?",
                    "Quel est le meilleur numéro pour vous joindre ?"),
            entry(
                    "confirmBooking",
                    "To confirm: {0} {1} for {2}. Shall I book it?",
                    "Para confirmar: {0} {1} a nombre de {2}. ¿Lo reservo?",
                    "Pour confirmer : {0} {1} au nom de {2}. Je réserve ?"),
            entry(
                    "booked",
                    "You''re booked for {0} {1}, and we''ll text you a reminder.",
                    "Queda reservado {0} {1} y le enviaremos un recordatorio.",
                    "C''est réservé : {0} {1}, et nous vous enverrons un rappel."),
            entry(
                    "whatToChange",
                    "No problem. What would you like to change?",
                    "De acuerdo. ¿Qué quiere cambiar?",
                    "Pas de problème. Que voulez-vous changer ?"),
            entry(
                    "noAppointments",
                    "I can''t find any upcoming appointments for this number.",
                    "No encuentro citas próximas para este número.",
                    "Je ne trouve aucun rendez-vous à venir pour ce numéro."),
            entry(
                    "needPhoneForLookup",
                    "What phone number did you book with?",
                    "¿Con qué número de teléfono reservó?",
                    "Avec quel numéro de téléphone avez-vous réservé ?"),
            entry("yourAppointments", "You have {0}.", "Tiene {0}.", "Vous avez {0}."),
            entry("whichAppointment", "You have {0}. Which one?", "Tiene {0}. ¿Cuál?", "Vous avez {0}. Lequel ?"),
            entry(
                    "confirmCancel",
                    "You want to cancel {0} {1}. Is that right?",
                    "Quiere cancelar {0} {1}. ¿Es correcto?",
                    "Vous voulez annuler {0} {1}. C''est bien cela ?"),
            entry(
                    "cancelled",
                    "Done, {0} {1} is cancelled.",
                    "Hecho, {0} {1} queda cancelado.",
                    "C''est fait, {0} {1} est annulé."),
            entry(
                    "askNewTime",
                    "When would you like to move {0} to?",
                    "¿A cuándo quiere cambiar {0}?",
                    "À quand voulez-vous déplacer {0} ?"),
            entry(
                    "confirmReschedule",
                    "Move {0} to {1}. Shall I do that?",
                    "Cambiar {0} a {1}. ¿Lo hago?",
                    "Déplacer {0} à {1}. Je le fais ?"),
            entry(
                    "rescheduled",
                    "Done, {0} is now {1}.",
                    "Hecho, {0} queda {1}.",
                    "C''est fait, {0} est maintenant {1}."),
            entry(
                    "keptAppointment",
                    "Alright, I''ve left it as it is.",
                    "De acuerdo, lo dejo como está.",
                    "D''accord, je n''y touche pas."),
            entry("hours", "We''re open {0}.", "Abrimos {0}.", "Nous sommes ouverts {0}."),
            entry(
                    "closedNow",
                    "We''re closed right now.",
                    "Ahora mismo estamos cerrados.",
                    "Nous sommes fermés en ce moment."),
            entry("prices", "{0}.", "{0}.", "{0}."),
            entry(
                    "pricesSome",
                    "It depends on the job: {0}, for example. Which service are you asking about?",
                    "Depende del trabajo: por ejemplo {0}. ¿Por qué servicio pregunta?",
                    "Cela dépend du travail : par exemple {0}. Pour quel service ?"),
            entry("dayRange", "{0} to {1}", "de {0} a {1}", "du {0} au {1}"),
            entry("timeRange", "{0} to {1}", "de {0} a {1}", "de {0} à {1}"),
            entry(
                    "noPrices",
                    "Prices depend on the job; I can take a message and someone will call you with a quote.",
                    "El precio depende del trabajo; puedo tomar un mensaje y le llamarán con un presupuesto.",
                    "Le prix dépend du travail ; je peux prendre un message et on vous rappellera avec un devis."),
            entry(
                    "dontKnow",
                    "I don''t have that information, but I can take a message and someone will get back to you. Would you like that?",
                    "No tengo esa información, pero puedo tomar un mensaje y le contestarán. ¿Quiere?",
                    "Je n''ai pas cette information, mais je peux prendre un message et on vous répondra. Voulez-vous ?"),
            entry(
                    "askMessage",
                    "Sure, what''s your message?",
                    "Claro, ¿cuál es su mensaje?",
                    "Bien sûr, quel est votre message ?"),
            entry(
                    "messageTaken",
                    "Thanks, I''ve passed your message on and someone will get back to you soon.",
                    "Gracias, he pasado su mensaje y le contestarán pronto.",
                    "Merci, j''ai transmis votre message et on vous recontactera bientôt."),
            entry(
                    "noTransfer",
                    "Nobody can take the call right now, but I can take a message. What would you like to tell them?",
                    "Ahora mismo nadie puede atender, pero puedo tomar un mensaje. ¿Qué quiere decirles?",
                    "Personne ne peut répondre pour le moment, mais je peux prendre un message. Que voulez-vous leur dire ?"),
            entry(
                    "emergencyDanger",
                    "If anyone is in danger, hang up and call {0} now and leave the building if you smell gas or see smoke; I''ve alerted {1}.",
                    "Si alguien está en peligro, cuelgue y llame al {0} ahora y salga del edificio si huele a gas o ve humo; he avisado a {1}.",
                    "Si quelqu''un est en danger, raccrochez et appelez le {0} maintenant et quittez le bâtiment si vous sentez le gaz ou voyez de la fumée ; j''ai prévenu {1}."),
            entry(
                    "emergency",
                    "I''m sorry to hear that; I''ve alerted {0} right away.",
                    "Siento lo ocurrido; he avisado a {0} de inmediato.",
                    "Je suis désolé ; j''ai prévenu {0} immédiatement."),
            entry(
                    "emergencyOffer",
                    "The earliest we can be there is {0}; shall I book that?",
                    "Lo antes que podemos ir es {0}, ¿lo reservo?",
                    "Le plus tôt possible, c''est {0} ; je réserve ?"),
            entry(
                    "emergencyCallback",
                    "Someone will call you back as soon as possible.",
                    "Le llamarán lo antes posible.",
                    "On vous rappellera dès que possible."),
            entry(
                    "optedOut",
                    "Understood, we won''t contact you again. Goodbye.",
                    "Entendido, no volveremos a contactarle. Adiós.",
                    "Entendu, nous ne vous contacterons plus. Au revoir."),
            entry("hold", "Just a moment while I check that.", "Un momento, lo compruebo.", "Un instant, je vérifie."),
            entry("and", "and", "y", "et"),
            entry("or", "or", "o", "ou"));

    private static Map.Entry<String, String[]> entry(String key, String en, String es, String fr) {
        return Map.entry(key, new String[] {en, es, fr});
    }

    static String say(String language, String key, Object... args) {
        String[] texts = TEXT.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no phrase " + key);
        }
        String template = texts[index(language)];
        return args.length == 0
                ? template.replace("''", "'")
                : new MessageFormat(template, locale(language)).format(args);
    }

    /** "a, b or c" in the language. */
    static String list(String language, java.util.List<String> items, String conjunction) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.getFirst();
        }
        String word = say(language, conjunction);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + word + " " + items.getLast();
    }

    static int index(String language) {
        return switch (language == null ? "en" : language) {
            case "es" -> 1;
            case "fr" -> 2;
            default -> 0;
        };
    }

    static Locale locale(String language) {
        return switch (language == null ? "en" : language) {
            case "es" -> Locale.of("es");
            case "fr" -> Locale.FRENCH;
            default -> Locale.US;
        };
    }
}
