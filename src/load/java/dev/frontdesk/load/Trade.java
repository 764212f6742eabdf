package dev.frontdesk.load;

import java.util.List;
import java.util.Map;

/**
 * A kind of business the load creates: its services (with the words callers use for them), opening
 * hours and knowledge base, and the questions callers ask about it.
 */
record Trade(
        String kind,
        String timezone,
        List<Service> services,
        Map<String, List<String>> hours,
        List<Faq> knowledge,
        List<String> problems,
        List<String> emergencies) {

    /** A service: its name, length, and how callers describe it. */
    record Service(String name, int durationMinutes, String priceText, List<String> aliases, List<String> spoken) {}

    /** A knowledge-base entry and ways callers ask for it. */
    record Faq(String question, String answer, List<String> asked) {}

    static final List<Trade> ALL = List.of(plumbing(), electrician(), clinic());

    private static Map<String, List<String>> weekdays(String range, String saturday) {
        var hours = new java.util.LinkedHashMap<String, List<String>>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, List.of(range));
        }
        if (saturday != null) {
            hours.put("SATURDAY", List.of(saturday));
        }
        return hours;
    }

    private static Trade plumbing() {
        return new Trade(
                "Plumbing",
                "America/New_York",
                List.of(
                        new Service(
                                "Drain cleaning",
                                60,
                                "from $120",
                                List.of("blocked drain", "clogged drain"),
                                List.of("a drain cleaning", "my drain is blocked", "the kitchen sink is clogged")),
                        new Service(
                                "Leak repair",
                                90,
                                "from $95",
                                List.of("leak", "leaking pipe", "dripping tap"),
                                List.of("a leak fixed", "a leaking pipe under the sink", "a dripping tap")),
                        new Service(
                                "Water heater service",
                                120,
                                "from $180",
                                List.of("water heater", "no hot water", "boiler"),
                                List.of("my water heater looked at", "no hot water", "the boiler serviced")),
                        new Service(
                                "Free estimate",
                                30,
                                "free",
                                List.of("quote", "estimate"),
                                List.of("a free estimate", "a quote for a new bathroom"))),
                weekdays("07:00-19:00", "08:00-14:00"),
                List.of(
                        new Faq(
                                "Do you charge for a call-out?",
                                "The call-out is free when we do the work; otherwise it is $60.",
                                List.of("do you charge for coming out", "how much is the call out fee")),
                        new Faq(
                                "Which areas do you cover?",
                                "The whole city and the suburbs within 20 miles.",
                                List.of("which areas do you cover", "do you come out to the suburbs")),
                        new Faq(
                                "How can I pay?",
                                "Card, cash or bank transfer; we send the invoice by email.",
                                List.of("can I pay by card", "how do I pay you"))),
                List.of("the toilet keeps running", "there is water under the dishwasher", "the shower drains slowly"),
                List.of("water is pouring through the ceiling", "a pipe burst in the basement", "I smell gas"));
    }

    private static Trade electrician() {
        return new Trade(
                "Electric",
                "America/Chicago",
                List.of(
                        new Service(
                                "Fault finding",
                                60,
                                "from $80",
                                List.of("fault", "tripping breaker", "power cut"),
                                List.of(
                                        "someone to find a fault",
                                        "my breaker keeps tripping",
                                        "half the house has no power")),
                        new Service(
                                "EV charger install",
                                180,
                                "from $900",
                                List.of("car charger", "ev charger"),
                                List.of("an EV charger installed", "a car charger put in")),
                        new Service(
                                "Lighting",
                                90,
                                "from $70",
                                List.of("lights", "light fitting"),
                                List.of("new lights in the kitchen", "a light fitting replaced"))),
                weekdays("08:00-18:00", "09:00-12:00"),
                List.of(
                        new Faq(
                                "Are you licensed?",
                                "Yes, all our electricians are licensed and insured.",
                                List.of("are you licensed", "are your electricians insured")),
                        new Faq(
                                "Do you give a warranty?",
                                "Every job has a two-year warranty on parts and labour.",
                                List.of("is there a warranty", "do you guarantee your work"))),
                List.of("a socket is sparking", "the lights flicker", "the oven trips the power"),
                List.of(
                        "there is smoke coming from the fuse box",
                        "someone got an electric shock",
                        "a wire is burning"));
    }

    private static Trade clinic() {
        return new Trade(
                "Dental",
                "America/Denver",
                List.of(
                        new Service(
                                "Check-up",
                                30,
                                "$75",
                                List.of("checkup", "exam"),
                                List.of("a check-up", "a dental exam", "a routine checkup")),
                        new Service(
                                "Cleaning",
                                45,
                                "$95",
                                List.of("hygienist", "teeth cleaning"),
                                List.of("a cleaning", "my teeth cleaned", "to see the hygienist")),
                        new Service(
                                "Filling",
                                60,
                                "from $150",
                                List.of("cavity", "filling"),
                                List.of("a filling", "a cavity looked at"))),
                weekdays("08:00-17:00", null),
                List.of(
                        new Faq(
                                "Do you take insurance?",
                                "We take most dental plans; bring your card to the visit.",
                                List.of("do you take insurance", "is my dental plan accepted")),
                        new Faq(
                                "Is there parking?",
                                "Free parking behind the building.",
                                List.of("is there parking", "where do I park"))),
                List.of("a tooth hurts when I drink something cold", "my gums bleed", "I lost a crown"),
                List.of(
                        "my face is swelling up and I can't breathe well",
                        "I knocked a tooth out and it's bleeding a lot"));
    }
}
