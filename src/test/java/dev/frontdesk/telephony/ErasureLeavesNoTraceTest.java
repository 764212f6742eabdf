package dev.frontdesk.telephony;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.sms;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * After {@code DELETE /api/customers/{id}} no column of any table (found through information_schema, so a table
 * added later is scanned too) holds the erased customer's number, in E.164 or a national form, name, email or the
 * words of their message: not the event publication registry, the webhook delivery log, the stored Twilio
 * answers, the sandbox outbox, WhatsApp's received messages, the SMS opt-outs nor the audit trail. The customer
 * had called (and left a message for staff), texted (and booked), booked through the API with an idempotency
 * key, written on WhatsApp, been a lead of a running campaign and texted STOP (which still holds after the
 * erasure). A delivery that had not completed when the customer was erased
 * is still delivered afterwards, without the personal data (and does not bring the customer back).
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL,
            "frontdesk.webhooks.allow-private=true",
            "frontdesk.webhooks.retry-delay=1s",
            "frontdesk.jobs.polling-interval=100ms",
            "frontdesk.whatsapp.app-secret=" + ErasureLeavesNoTraceTest.APP_SECRET,
            "frontdesk.whatsapp.access-token=whatsapp-access-token"
        })
class ErasureLeavesNoTraceTest {

    static final String APP_SECRET = "erasure-app-secret";
    static final String PHONE = "+16175550181";
    static final String OTHER = "+16175550182";

    /** Every written form of the erased customer that must be gone, and the words of their message. */
    static final List<String> TRACES = List.of(
            PHONE,
            "16175550181",
            "6175550181",
            "617-555-0181",
            "617 555 0181",
            "(617) 555-0181",
            "Whitlock",
            "dana.whitlock@",
            "banging noise");

    static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @DynamicPropertySource
    static void graphUrl(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.whatsapp.graph-url", () -> receiver.baseUrl() + "/v21.0");
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    dev.frontdesk.messaging.Messages messages;

    TwilioClient twilio;

    @BeforeEach
    void setUp() {
        twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        receiver.resetAll();
        // webhook deliveries and the Graph API's answer to a WhatsApp reply
        receiver.stubFor(post(urlPathMatching("/.*"))
                .willReturn(okJson("{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.reply-"
                        + UUID.randomUUID() + "\"}]}")));
    }

    @Test
    void anErasedCustomerLeavesNoNumberNameOrWordsInAnyTableAndUnfinishedDeliveriesStillGoOut() throws Exception {
        TestBusiness business = api.createBusiness("Erasure sweep");
        postJson(
                business,
                "/api/employees",
                "{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\", \"status\": \"AWAY\"}");
        postJson(
                business,
                "/api/webhooks",
                "{\"url\": \"" + receiver.baseUrl() + "/hooks\", \"events\":"
                        + " [\"call.completed\", \"conversation.ended\", \"appointment.booked\", \"appointment.rescheduled\","
                        + " \"appointment.cancelled\", \"lead.status_changed\", \"message.taken\"]}");
        String id = postJson(
                        business,
                        "/api/customers",
                        "{\"name\": \"Dana Whitlock\", \"phone\": \"" + PHONE
                                + "\", \"email\": \"dana.whitlock@example.com\", \"lead\": true,"
                                + " \"notes\": \"Dana Whitlock prefers mornings\"}")
                .get("id")
                .asString();

        // a call that leaves a message for Sam
        Map<String, String> call = call(TwilioClient.sid("CA"), PHONE, business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        int turn = 1;
        for (String said : List.of(
                "I need to speak to Sam",
                "please tell Sam the boiler is making a banging noise again, call me back on 617 555 0181",
                "it's Dana Whitlock")) {
            twilio.post(
                    "/twilio/voice/gather?turn=" + turn++, with(call, "SpeechResult", said, "Confidence", "0.93"), 200);
        }
        twilio.post("/twilio/voice/status", with(call, "CallStatus", "completed", "CallDuration", "42"), 204);
        // texts that book a drain cleaning; another customer texts too
        text(business, PHONE, "Hi, can I book a drain cleaning tomorrow at 10? My name is Dana Whitlock");
        assertThat(spoken(text(business, PHONE, "Yes"))).containsIgnoringCase("booked");
        text(business, OTHER, "Hi, what are your opening hours?");
        // a booking through the API, with an idempotency key (its answer is stored)
        api.perform(
                api.as(business, MockMvcRequestBuilders.post("/api/appointments"))
                        .header("Idempotency-Key", "erasure-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Drain cleaning", "start": "2026-11-28T10:00",
                                 "customer": {"name": "Dana Whitlock", "phone": "%s",
                                              "email": "dana.whitlock@example.com"},
                                 "notes": "Dana Whitlock, side door"}""".formatted(PHONE)),
                201);
        // a WhatsApp message
        whatsApp(business, "Hello, Dana Whitlock here, is the plumber still coming?");
        // a running campaign she is a lead of
        String campaign = postJson(business, "/api/campaigns", """
                        {"name": "Checks", "purpose": "your annual boiler check", "leadIds": ["%s"],
                         "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 2,
                         "retry": {"attempts": 1, "backoffMinutes": 60}, "voicemail": "HANG_UP"}""".formatted(id))
                .get("id")
                .asString();
        postJson(business, "/api/campaigns/" + campaign + "/start", "");
        // and, last, she asks for no more texts
        text(business, PHONE, "STOP");
        // an answer held for her next message (as the simulator's texts and web chat keep them)
        jdbc.sql("INSERT INTO assistant_held_answer (business_id, conversation_id, queued_seq, text, hang_up,"
                        + " created_at) SELECT business_id, id, NULL, :t, FALSE, started_at FROM conversation"
                        + " WHERE channel = 'SMS' AND customer_phone = :phone")
                .param("t", "Dana Whitlock, your drain cleaning is booked; we will call 617 555 0181 if we are late.")
                .param("phone", PHONE)
                .update();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"))
                    .as("every event delivered")
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM whatsapp_seen_message WHERE answered_at IS NOT NULL"))
                    .as("the WhatsApp message answered")
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM webhook_delivery WHERE status <> 'DELIVERED'"))
                    .isZero();
        });
        assertThat(scan(List.of(PHONE, "6175550181", "Whitlock")))
                .as("before the erasure, her data is in the registry and the channels' tables")
                .anyMatch(hit -> hit.startsWith("event_publication."))
                .anyMatch(hit -> hit.startsWith("webhook_delivery."))
                .anyMatch(hit -> hit.startsWith("outbox_message."))
                .anyMatch(hit -> hit.startsWith("sms_opt_out."))
                .anyMatch(hit -> hit.startsWith("whatsapp_seen_message."))
                .anyMatch(hit -> hit.startsWith("assistant_held_answer."));

        // a node died while delivering every event about her: all those publications are incomplete again
        long deliveries = count("SELECT COUNT(*) FROM webhook_delivery");
        long unfinishedHooks = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :phone"
                        + " AND listener_id LIKE '%WebhookEvents%'")
                .param("phone", "%" + PHONE + "%")
                .query(Long.class)
                .single();
        int unfinished = jdbc.sql("UPDATE event_publication SET completion_date = NULL, status = 'PUBLISHED'"
                        + " WHERE serialized_event LIKE :phone")
                .param("phone", "%" + PHONE + "%")
                .update();
        assertThat(jdbc.sql("SELECT DISTINCT event_type FROM event_publication WHERE completion_date IS NULL")
                        .query(String.class)
                        .list())
                .as("her bookings, funnel moves and opt-out (the listeners that write in the event's own"
                        + " transaction, such as the call's webhooks and her customer record, keep no publication)")
                .anyMatch(type -> type.endsWith("AppointmentBooked"))
                .anyMatch(type -> type.endsWith("LeadStatusChanged"))
                .anyMatch(type -> type.endsWith("SmsOptOutChanged"))
                .noneMatch(type -> type.endsWith("ConversationStarted") || type.endsWith("CallCompleted"));
        assertThat(unfinishedHooks).as("her funnel moves' webhooks").isGreaterThanOrEqualTo(1);

        api.perform(api.as(business, delete("/api/customers/" + id)), 204);

        assertThat(count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"))
                .as("the unfinished publications are kept, to be delivered")
                .isEqualTo(unfinished);
        incomplete.resubmitIncompletePublications(publication -> true);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"))
                                .isZero());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(count("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED'"))
                                .as("every webhook event about her delivered again, to the business's webhook")
                                .isEqualTo(deliveries + unfinishedHooks));
        assertThat(scan(TRACES)).as("where the erased customer is still found").isEmpty();
        assertThat(api.getJson("/api/customers?q=6175550181", business, 200)
                        .get("total")
                        .asInt())
                .as("the redelivered events did not bring the customer back")
                .isZero();

        assertThat(scan(List.of(OTHER)))
                .as("the other customer is untouched")
                .anyMatch(hit -> hit.startsWith("customer."))
                .anyMatch(hit -> hit.startsWith("conversation."));
        assertThat(api.getJson("/api/audit", business, 200).toString()).contains("customer.erased");
        assertThat(messages.smsOptedOut(
                        dev.frontdesk.tenants.BusinessId.parse(business.id()).orElseThrow(),
                        new dev.frontdesk.shared.PhoneNumber(PHONE)))
                .as("her opt-out outlives her, without her number")
                .isTrue();
    }

    private tools.jackson.databind.JsonNode postJson(TestBusiness business, String path, String body) {
        var result = api.perform(
                api.as(business, MockMvcRequestBuilders.post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                path.endsWith("/start") ? 200 : 201);
        return api.read(result);
    }

    private String text(TestBusiness business, String from, String body) {
        return twilio.post("/twilio/sms", sms(TwilioClient.sid("SM"), from, business.phoneNumber(), body), 200);
    }

    private void whatsApp(TestBusiness business, String body) throws Exception {
        String payload = """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "102290129340398",
                   "changes": [{"value": {"messaging_product": "whatsapp",
                       "metadata": {"display_phone_number": "%s", "phone_number_id": "106540352242922"},
                       "contacts": [{"profile": {"name": "Dana Whitlock"}, "wa_id": "%s"}],
                       "messages": [{"from": "%s", "id": "wamid.%s", "timestamp": "1749416383", "type": "text",
                                     "text": {"body": "%s"}}]},
                     "field": "messages"}]}]}""".formatted(
                        business.phoneNumber().replace("+", ""),
                        PHONE.substring(1),
                        PHONE.substring(1),
                        UUID.randomUUID(),
                        body);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        api.perform(
                MockMvcRequestBuilders.post("/whatsapp/webhook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature-256", signature)
                        .content(payload.getBytes(StandardCharsets.UTF_8)),
                200);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * Every {@code table.column} of the application's schema (as information_schema lists its tables and text or
     * binary columns) with a value containing one of {@code needles}, ignoring case.
     */
    private List<String> scan(List<String> needles) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            String schema = connection.getSchema();
            List<String[]> columns = jdbc.sql("SELECT c.table_name, c.column_name FROM information_schema.columns c"
                            + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                            + " AND t.table_name = c.table_name WHERE LOWER(c.table_schema) = LOWER(:schema)"
                            + " AND t.table_type IN ('BASE TABLE', 'TABLE') AND (LOWER(c.data_type) LIKE '%char%'"
                            + " OR LOWER(c.data_type) LIKE '%text%' OR LOWER(c.data_type) LIKE '%clob%'"
                            + " OR LOWER(c.data_type) LIKE '%json%' OR LOWER(c.data_type) LIKE '%binary%'"
                            + " OR LOWER(c.data_type) LIKE '%bytea%' OR LOWER(c.data_type) LIKE '%blob%')"
                            + " ORDER BY c.table_name, c.column_name")
                    .param("schema", schema)
                    .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            assertThat(columns.stream().map(c -> c[0]))
                    .as("the scan sees the application's tables")
                    .contains("event_publication", "webhook_delivery", "audit_event", "outbox_message");
            for (String[] column : columns) {
                try (var statement = connection.createStatement();
                        ResultSet rs =
                                statement.executeQuery("SELECT \"" + column[1] + "\" FROM \"" + column[0] + "\"")) {
                    while (rs.next()) {
                        String value = text(rs.getObject(1));
                        if (value == null) {
                            continue;
                        }
                        String lower = value.toLowerCase(java.util.Locale.ROOT);
                        for (String needle : needles) {
                            if (lower.contains(needle.toLowerCase(java.util.Locale.ROOT))) {
                                hits.add(column[0] + "." + column[1] + ": " + needle);
                            }
                        }
                    }
                }
            }
        }
        return hits.stream().distinct().toList();
    }

    private static String text(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof java.sql.Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
        }
        return value.toString();
    }
}
