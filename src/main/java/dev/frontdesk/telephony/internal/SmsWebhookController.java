package dev.frontdesk.telephony.internal;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.LogSafe;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.TurnReads;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Programmable Messaging: an inbound text to a business's number. A body that is exactly one
 * carrier keyword (STOP, START, HELP and their synonyms), whatever punctuation around it, is answered here; anything else is a turn of
 * the assistant's SMS conversation with the sender, answered with one {@code <Message>}.
 */
@RestController
@Hidden
class SmsWebhookController {

    private static final Logger log = LoggerFactory.getLogger(SmsWebhookController.class);

    static final int MAX_BODY = 1600;
    static final Set<String> OPT_OUT =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");
    static final Set<String> HELP = Set.of("HELP", "INFO");

    private final Tenants tenants;
    private final Assistant assistant;
    private final Messages messages;
    private final WebhookReplyRepository replies;
    private final TurnPermits permits;
    private final TransactionTemplate transactions;
    /** Answers texts that were shed, each on a virtual thread waiting for a turn permit. */
    private final ExecutorService later = Executors.newVirtualThreadPerTaskExecutor();

    SmsWebhookController(
            Tenants tenants,
            Assistant assistant,
            Messages messages,
            WebhookReplyRepository replies,
            TurnPermits permits,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.tenants = tenants;
        this.assistant = assistant;
        this.messages = messages;
        this.replies = replies;
        this.permits = permits;
    }

    @PostMapping("/twilio/sms")
    ResponseEntity<String> inbound(
            @RequestParam Map<String, String> params,
            @RequestHeader(name = "I-Twilio-Idempotency-Token", required = false) String token) {
        var request = new TwilioRequest(params);
        String messageSid = request.get("MessageSid");
        String key = messageSid == null ? null : "sms:" + messageSid;
        if (carrierKeyword(request)) {
            // STOP, START and HELP take no assistant turn and are never deferred
            return TwilioRequest.twiml(answered(request, key, token));
        }
        return TwilioRequest.twiml(permits.run(
                "sms",
                () -> answered(request, key, token),
                () -> replies.once(key, token, () -> answerLater(request))));
    }

    /**
     * The text answered in place: the business is read before the transaction (a row read outside one may
     * be kept by version, see tenants), then the idempotency claim, the opt-out or the assistant's turn
     * (dialogue, transcript, ending) and the stored answer are one transaction, committed before Twilio gets
     * the answer, like a voice turn's ({@code VoiceWebhookController}). A failure or a crash before that
     * commit leaves no claim, so Twilio's retry does the text anew; a redelivery arriving meanwhile waits on
     * the claim's key and gets the stored answer. Only the opening of the sender's conversation and its hold
     * commit on their own, first, so that the sender's next text, arriving meanwhile, is queued behind this
     * one rather than waiting on its locks. With a language model configured the turn keeps its separate
     * short transactions: a transaction is never held across a call to a model (docs/performance.md, "Fix
     * 6").
     */
    private String answered(TwilioRequest request, String key, String token) {
        return TurnReads.during(() -> {
            Optional<Business> found = business(request);
            return oneCommit(() -> replies.once(key, token, () -> Twiml.message(reply(request, found))));
        });
    }

    private String oneCommit(Supplier<String> turn) {
        return assistant.callsAModel() ? turn.get() : transactions.execute(status -> turn.get());
    }

    private static boolean carrierKeyword(TwilioRequest request) {
        String keyword =
                keyword(Optional.ofNullable(request.params().get("Body")).orElse(""));
        return OPT_OUT.contains(keyword)
                || HELP.contains(keyword)
                || (OPT_IN.contains(keyword) && !keyword.equals("YES"));
    }

    /**
     * A text that got no turn permit in time: Twilio gets an empty answer at once (stored, so a redelivery
     * gets it too and the text is not answered twice), and the assistant's reply goes out as a text of its
     * own once a permit frees. The text waits in this process only: if it stops first, that reply is lost
     * (docs/performance.md).
     */
    private String answerLater(TwilioRequest request) {
        later.submit(() -> {
            try {
                permits.runWhenFree(() -> {
                    Optional<Business> business = business(request);
                    String text = reply(request, business);
                    Optional<PhoneNumber> to = request.phone("From");
                    if (text != null && to.isPresent() && business.isPresent()) {
                        messages.sendSms(business.get().id(), to.get(), text, Messages.Purpose.REPLY);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Could not answer a deferred text to {}", LogSafe.of(request.get("To")), e);
            }
        });
        return Twiml.message(null);
    }

    /** The active business owning the number texted; empty (and logged) for none or a suspended one. */
    private Optional<Business> business(TwilioRequest request) {
        Optional<Business> found = request.phone("To").flatMap(tenants::findByPhoneNumber);
        if (found.isEmpty() || !found.get().isActive()) {
            log.warn("An SMS to a number with no active business: {}", LogSafe.of(request.get("To")));
            return Optional.empty();
        }
        return found;
    }

    /** The reply to a text to {@code found}, or null when there is nothing to say. */
    private String reply(TwilioRequest request, Optional<Business> found) {
        if (found.isEmpty()) {
            return null;
        }
        Business business = found.get();
        String sender = request.get("From");
        if (sender == null) {
            return null;
        }
        Optional<PhoneNumber> phone = request.phone("From");
        String body = Optional.ofNullable(request.params().get("Body")).orElse("");
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        String keyword = keyword(body);
        if (OPT_OUT.contains(keyword)) {
            phone.ifPresent(p -> messages.optOut(business.id(), p));
            return "You have been unsubscribed from " + business.name() + " messages. Reply START to resubscribe.";
        }
        // YES is also how texters confirm a booking: it opts in only a sender who opted out
        boolean optIn = OPT_IN.contains(keyword)
                && (!keyword.equals("YES")
                        || phone.filter(p -> messages.smsOptedOut(business.id(), p))
                                .isPresent());
        if (optIn) {
            phone.ifPresent(p -> messages.optIn(business.id(), p));
            return "You have been resubscribed to " + business.name() + " messages. Reply STOP to unsubscribe.";
        }
        if (HELP.contains(keyword)) {
            return business.name() + ": call or text us at " + request.get("To") + ". Reply STOP to unsubscribe.";
        }
        AssistantReply reply = assistant.handle(new InboundTurn(
                business.id(),
                Channel.SMS,
                sender,
                body,
                null,
                null,
                phone.map(PhoneNumber::e164).orElse(null),
                true)); // the webhook is signed by Twilio: the text came from this number
        String text = reply.text();
        if (text != null && text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY);
        }
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The message as a carrier keyword: what is left between the first and the last letter, upper case, so
     * "Stop.", "STOP!" and " stop 🙏" are all STOP, while "stop texting me" stays a sentence.
     */
    static String keyword(String body) {
        return body.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "").toUpperCase(Locale.ROOT);
    }

    /** Nothing reaches the sender as a stack trace: any failure is answered with an apology. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("A Twilio SMS webhook failed", e);
        return TwilioRequest.twiml(Twiml.message(Twiml.SMS_APOLOGY));
    }
}
