package dev.frontdesk.assistant.corpus;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * "Harbor Plumbing", the business every corpus conversation talks to (conversations/README.md): made
 * afresh per conversation through the admin and tenant APIs, with its knowledge base and staff.
 */
final class CorpusBusiness {

    static final String OWNER_PHONE = "+16175550142";
    static final Map<String, String> STAFF_PHONES = Map.of("mike turner", "+16175550161", "dana reyes", "+16175550162");

    private static final String BUSINESS = """
            {"name": "Harbor Plumbing", "timezone": "America/New_York", "phoneNumbers": ["%s"],
             "ownerPhone": "+16175550142", "ownerEmail": "owner@harbor.example", "defaultLanguage": "%s",
             "closedDates": ["2026-11-26"],
             "services": [
               {"name": "Drain cleaning", "durationMinutes": 60, "priceText": "from $120", "aliases": ["blocked drain", "clogged drain", "desatasco", "débouchage"]},
               {"name": "Leak repair", "durationMinutes": 90, "priceText": "from $95", "aliases": ["leak", "fuga", "fuite"]},
               {"name": "Water heater repair", "durationMinutes": 120, "priceText": "from $180", "aliases": ["water heater", "boiler", "no hot water", "calentador", "chauffe-eau"]},
               {"name": "Emergency call-out", "durationMinutes": 60, "priceText": "$150 call-out fee", "aliases": ["emergency", "urgent"]}],
             "hours": {"MONDAY": ["08:00-17:00"], "TUESDAY": ["08:00-17:00"], "WEDNESDAY": ["08:00-17:00"],
                       "THURSDAY": ["08:00-17:00"], "FRIDAY": ["08:00-17:00"], "SATURDAY": ["09:00-13:00"]}}""";

    /** The stored questions and answers, with the answers in Spanish and French as the owner wrote them. */
    private static final List<String> KNOWLEDGE = List.of(
            entry(
                    "Which areas do you cover?",
                    "We cover Boston, Cambridge, Somerville and Brookline.",
                    "Cubrimos Boston, Cambridge, Somerville y Brookline.",
                    "Nous couvrons Boston, Cambridge, Somerville et Brookline.",
                    "[\"area\"]"),
            entry(
                    "Are you licensed and insured?",
                    "Yes, all our plumbers are licensed and fully insured.",
                    "Sí, todos nuestros fontaneros tienen licencia y seguro completo.",
                    "Oui, tous nos plombiers sont agréés et entièrement assurés.",
                    "[]"),
            entry(
                    "What payment methods do you accept?",
                    "We accept cash, all major credit cards and bank transfer.",
                    "Aceptamos efectivo, las principales tarjetas de crédito y transferencia bancaria.",
                    "Nous acceptons les espèces, les principales cartes de crédit et le virement bancaire.",
                    "[]"),
            entry(
                    "Do you offer a warranty?",
                    "All repairs come with a 12-month warranty on parts and labour.",
                    "Todas las reparaciones tienen 12 meses de garantía en piezas y mano de obra.",
                    "Toutes les réparations sont garanties 12 mois, pièces et main-d'œuvre.",
                    "[]"),
            entry(
                    "Do you give free estimates?",
                    "Yes, estimates are free within our service area.",
                    "Sí, los presupuestos son gratis dentro de nuestra zona de servicio.",
                    "Oui, les devis sont gratuits dans notre zone d'intervention.",
                    "[]"),
            entry(
                    "Do you offer emergency service?",
                    "Yes, plumbing emergencies are handled any time for a $150 call-out fee.",
                    "Sí, atendemos urgencias de fontanería a cualquier hora, con un cargo de salida de 150 $.",
                    "Oui, nous intervenons en urgence à toute heure, avec des frais de déplacement de 150 $.",
                    "[]"));

    private static String entry(String question, String answer, String es, String fr, String tags) {
        return "{\"question\": \"%s\", \"answer\": \"%s\", \"tags\": %s, \"translations\": {\"es\": \"%s\", \"fr\": \"%s\"}}"
                .formatted(question, answer, tags, es, fr);
    }

    private static final List<String> DEPARTMENTS = List.of(
            "{\"name\": \"Estimates\", \"description\": \"Quotes and estimates\", \"routingPriority\": 10}",
            "{\"name\": \"Office\", \"description\": \"Billing and scheduling\", \"routingPriority\": 5}");

    private static final List<String> EMPLOYEES = List.of(
            "{\"name\": \"Mike Turner\", \"phone\": \"+16175550161\", \"department\": \"Estimates\", \"status\": \"ACTIVE\"}",
            "{\"name\": \"Dana Reyes\", \"phone\": \"+16175550162\", \"department\": \"Office\", \"status\": \"AWAY\"}");

    private CorpusBusiness() {}

    static TestApi.TestBusiness create(TestApi api, String language) {
        String number = TestApi.randomPhoneNumber();
        JsonNode body = api.read(api.perform(
                api.asAdmin(post("/api/admin/businesses"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BUSINESS.formatted(number, language)),
                201));
        var business = new TestApi.TestBusiness(
                body.get("id").asString(),
                body.get("apiKey").asString(),
                body.get("widgetToken").asString(),
                number);
        create(api, business, "/api/knowledge", KNOWLEDGE);
        create(api, business, "/api/departments", DEPARTMENTS);
        create(api, business, "/api/employees", EMPLOYEES);
        return business;
    }

    static void book(TestApi api, TestApi.TestBusiness business, CorpusConversation.Booked a, String callerPhone) {
        String name = a.name() == null ? "Pat Caller" : a.name();
        String phone = a.phone() == null ? callerPhone : a.phone();
        api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\": \"" + a.service() + "\", \"start\": \"" + a.start()
                                + "\", \"customer\": {\"name\": \"" + name + "\", \"phone\": \"" + phone + "\"}}"),
                201);
    }

    private static void create(TestApi api, TestApi.TestBusiness business, String path, List<String> bodies) {
        for (String body : bodies) {
            api.perform(
                    api.as(business, post(path))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body),
                    201);
        }
    }
}
