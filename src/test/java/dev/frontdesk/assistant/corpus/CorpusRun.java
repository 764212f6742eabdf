package dev.frontdesk.assistant.corpus;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.assistant.corpus.CorpusConversation.Booked;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.telephony.TwilioClient;
import dev.frontdesk.tenants.BusinessId;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Plays corpus conversations through the conversation engine (calls and chats through {@link Assistant},
 * texts through the signed Twilio SMS webhook) and judges what they left in the data ({@link Verdict}).
 */
final class CorpusRun {

    static final ZoneId ZONE = ConversationCorpusTest.ZONE;

    private final TestApi api;
    private final Assistant assistant;
    private final Conversations conversations;
    private final Messages messages;
    private final String twilioToken;
    private final String publicUrl;

    CorpusRun(
            TestApi api,
            Assistant assistant,
            Conversations conversations,
            Messages messages,
            String twilioToken,
            String publicUrl) {
        this.api = api;
        this.assistant = assistant;
        this.conversations = conversations;
        this.messages = messages;
        this.twilioToken = twilioToken;
        this.publicUrl = publicUrl;
    }

    /**
     * Runs the split's conversations whose file names {@code include} takes, in file name order, each after
     * {@code before}, and reports each one's verdict as {@code judge} makes it.
     */
    CorpusReport runSplit(
            String split,
            java.util.function.Predicate<String> include,
            java.util.function.Consumer<CorpusConversation> before,
            java.util.function.UnaryOperator<Verdict> judge)
            throws IOException {
        return runSplit(
                split,
                include,
                before,
                judge,
                split.equals("dev") || split.equals(System.getProperty("corpus.transcripts")));
    }

    /** As above; {@code transcripts} says whether the report may show the conversations' words. */
    CorpusReport runSplit(
            String split,
            java.util.function.Predicate<String> include,
            java.util.function.Consumer<CorpusConversation> before,
            java.util.function.UnaryOperator<Verdict> judge,
            boolean transcripts)
            throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath:conversations/" + split + "/*/*.yaml");
        CorpusReport report = new CorpusReport(split, transcripts);
        for (Resource file : files) {
            String name = java.util.Objects.requireNonNull(file.getFilename());
            if (!include.test(name)) {
                continue;
            }
            CorpusConversation conversation = CorpusConversation.load(file, split);
            List<String> transcript = new ArrayList<>();
            Verdict verdict;
            try {
                before.accept(conversation);
                verdict = judge.apply(run(conversation, transcript));
            } catch (RuntimeException | AssertionError e) {
                transcript.add("!! " + e);
                verdict = new Verdict(List.of("error: " + e.getClass().getSimpleName()), false);
            }
            report.add(conversation, verdict, transcript);
        }
        return report;
    }

    private Verdict run(CorpusConversation c, List<String> transcript) {
        var business = CorpusBusiness.create(api, c.language());
        BusinessId businessId = BusinessId.parse(business.id()).orElseThrow();
        for (Booked a : c.setup()) {
            CorpusBusiness.book(api, business, a, c.callerPhone());
        }
        String phone = c.channel() == Channel.WEB ? null : c.callerPhone();
        // the contract: calls come from the caller's own number, attested by the carrier (as most are)
        boolean proven = phone != null;
        boolean sms = c.channel() == Channel.SMS;
        String key = sms ? c.callerPhone() : "corpus-" + UUID.randomUUID();
        List<String> replies = new ArrayList<>();
        List<String> transfers = new ArrayList<>();
        AssistantReply reply = null;
        if (!sms) { // a text conversation starts with the caller's text, a call or chat with a greeting
            reply = assistant.greet(new InboundTurn(businessId, c.channel(), key, "", null, null, phone, proven));
            transcript.add("A: " + reply.text());
            replies.add(reply.text());
        }
        for (CorpusConversation.Turn turn : c.turns()) {
            transcript.add("C: " + turn.text());
            if (sms) { // through the real Twilio SMS webhook: carrier keywords are answered there
                String text = textedBack(business, c.callerPhone(), turn.text());
                transcript.add("A: " + text);
                replies.add(text);
                continue;
            }
            reply = assistant.handle(
                    new InboundTurn(businessId, c.channel(), key, turn.text(), null, turn.confidence(), phone, proven));
            transcript.add("A: " + reply.text());
            replies.add(reply.text());
            reply.actions().stream()
                    .filter(a -> a instanceof AssistantReply.Action.Transfer)
                    .map(a -> ((AssistantReply.Action.Transfer) a).number())
                    .forEach(transfers::add);
            if (reply.ends() || !transfers.isEmpty()) {
                break;
            }
        }
        Optional<Conversation> conversation = reply == null
                ? conversations.findLatest(businessId, c.channel().name(), key)
                : conversations.find(businessId, reply.conversationId());
        if (conversation.filter(Conversation::isOpen).isPresent()) {
            assistant.hangUp(businessId, conversation.get().id());
            conversation = conversations.find(businessId, conversation.get().id());
        }
        Conversation seen = conversation.orElse(null);
        return Verdict.of(
                c,
                new Verdict.Observed(
                        appointments(business),
                        seen != null && seen.emergency(),
                        seen == null || seen.outcome() == null
                                ? null
                                : seen.outcome().name(),
                        ownerAlerted(business),
                        staffMessages(business),
                        transfers,
                        c.channel() != Channel.WEB
                                && messages.smsOptedOut(businessId, new PhoneNumber(c.callerPhone())),
                        replies,
                        seen == null ? null : seen.language()));
    }

    private String textedBack(TestApi.TestBusiness business, String from, String body) {
        var params = new java.util.TreeMap<String, String>(Map.of(
                "AccountSid",
                "AC" + "0".repeat(32),
                "From",
                from,
                "To",
                business.phoneNumber(),
                "Body",
                body,
                "MessageSid",
                "SM" + UUID.randomUUID().toString().replace("-", "")));
        var request = post("/twilio/sms")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", TwilioClient.signature(twilioToken, publicUrl + "/twilio/sms", params));
        params.forEach((name, value) -> request.param(name, value));
        MvcResult result = api.perform(request, 200);
        try {
            String twiml = result.getResponse().getContentAsString();
            var document = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(twiml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return document.getDocumentElement().getTextContent().strip();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable TwiML", e);
        }
    }

    private List<Booked> appointments(TestApi.TestBusiness business) {
        JsonNode page = api.getJson("/api/appointments?status=SCHEDULED&pageSize=100", business, 200);
        return page.get("items")
                .valueStream()
                .map(item -> new Booked(
                        item.get("service").asString(),
                        LocalDateTime.ofInstant(Instant.parse(item.get("start").asString()), ZONE),
                        null,
                        item.at("/customer/name").asString(),
                        item.at("/customer/phone").asString(),
                        item.get("emergency").asBoolean()))
                .toList();
    }

    private boolean ownerAlerted(TestApi.TestBusiness business) {
        JsonNode sms = api.getJson("/api/outbox?channel=SMS&pageSize=100", business, 200);
        return sms.get("items")
                .valueStream()
                .anyMatch(m -> m.get("purpose").asString().equals("OWNER_ALERT"));
    }

    private List<String> staffMessages(TestApi.TestBusiness business) {
        JsonNode page = api.getJson("/api/messages?pageSize=100", business, 200);
        return page.get("items")
                .valueStream()
                .map(m -> "for "
                        + (m.has("forEmployee")
                                ? m.at("/forEmployee/name").asString()
                                : m.has("forDepartment")
                                        ? m.at("/forDepartment/name").asString()
                                        : "owner")
                        + ": " + m.get("text").asString())
                .toList();
    }
}
