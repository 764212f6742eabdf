package dev.frontdesk.telephony.internal;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.shared.LogSafe;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.TurnReads;
import dev.frontdesk.telephony.internal.Twiml.Speaking;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Twilio Programmable Voice: an inbound call is greeted by the assistant, each thing the caller says
 * comes back through {@code <Gather>} as one turn, and the status callback closes the call. Every answer
 * is TwiML with HTTP 200, failures included (an apology and a polite hang-up), except status callbacks
 * (204).
 */
@RestController
@Hidden
class VoiceWebhookController {

    private static final Logger log = LoggerFactory.getLogger(VoiceWebhookController.class);

    static final String GATHER_ACTION = "/twilio/voice/gather?turn=";
    static final String STATUS_ACTION = "/twilio/voice/status";
    static final String NOT_IN_SERVICE =
            "Sorry, this number can't take calls right now. Please try again later. Goodbye.";
    static final String NOBODY_ANSWERED =
            "Sorry, nobody could take your call right now. We'll call you back as soon as we can. Goodbye.";
    static final Set<String> ENDED = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private final Tenants tenants;
    private final Assistant assistant;
    private final CallRecordRepository calls;
    private final WebhookReplyRepository replies;
    private final Clock clock;
    private final TransferDeclines declines;
    private final CallEndings endings;
    private final TurnPermits permits;
    private final TransactionTemplate transactions;

    VoiceWebhookController(
            Tenants tenants,
            Assistant assistant,
            CallRecordRepository calls,
            WebhookReplyRepository replies,
            Clock clock,
            TransferDeclines declines,
            CallEndings endings,
            TurnPermits permits,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.declines = declines;
        this.endings = endings;
        this.permits = permits;
        this.tenants = tenants;
        this.assistant = assistant;
        this.calls = calls;
        this.replies = replies;
        this.clock = clock;
    }

    /** An inbound call: the business owning {@code To} greets the caller and starts listening. */
    @PostMapping("/twilio/voice")
    ResponseEntity<String> inbound(
            @RequestParam Map<String, String> params,
            @RequestHeader(name = "I-Twilio-Idempotency-Token", required = false) String token) {
        var request = new TwilioRequest(params);
        String callSid = request.get("CallSid");
        if (callSid == null) {
            log.warn("A voice webhook without a CallSid");
            return TwilioRequest.twiml(Twiml.apology());
        }
        // shed before the idempotency claim: nothing is stored, the redirect is the greeting's first delivery
        return TwilioRequest.twiml(permits.run(
                "voice",
                () -> TurnReads.during(() -> {
                    Optional<Business> found = business(request);
                    return oneCommit(
                            () -> replies.once("voice:" + callSid + ":0", token, () -> greet(request, found, callSid)));
                }),
                () -> VoiceHold.greeting(request)));
    }

    /**
     * A turn's writes in one transaction, committed once before Twilio gets the answer: the idempotency
     * claim, the conversation, dialogue and transcript, the call record and the stored answer. A failure or
     * a crash anywhere before the commit leaves none of it (Twilio's retry does the turn anew); a
     * redelivery that arrives meanwhile waits on the claim's key and gets the stored answer. The brain runs
     * on a thread of its own within the turn's budget, so the transaction is open at most that long; with a
     * language model configured, which may be slow and is called over the network, the turn keeps its
     * separate short transactions instead (docs/performance.md, "Fix 5").
     */
    private String oneCommit(java.util.function.Supplier<String> turn) {
        return assistant.callsAModel() ? turn.get() : transactions.execute(status -> turn.get());
    }

    private String greet(TwilioRequest request, Optional<Business> found, String callSid) {
        if (found.isEmpty()) {
            return Twiml.sayAndHangUp(NOT_IN_SERVICE, Speaking.of("en", null, null));
        }
        Business business = found.get();
        String caller = request.phone("From").map(PhoneNumber::e164).orElse(null);
        AssistantReply reply = assistant.greet(
                new InboundTurn(business.id(), Channel.VOICE, callSid, "", null, null, caller, attested(request)));
        calls.start(
                business.id(),
                callSid,
                request.get("From"),
                request.get("To"),
                direction(request),
                reply.language(),
                clock.instant());
        return answer(reply, business, request, 1);
    }

    /**
     * Whether the carrier vouches for the caller ID: Twilio's {@code StirVerstat} is
     * {@code TN-Validation-Passed-A} only when the originating carrier signed the call with full (A)
     * attestation and the signature verified. B and C attestations, failures and unsigned calls are claims.
     */
    static boolean attested(TwilioRequest request) {
        return "TN-Validation-Passed-A".equals(request.get("StirVerstat"));
    }

    /** What the caller said (or keyed, or silence) on turn {@code turn}. */
    @PostMapping("/twilio/voice/gather")
    ResponseEntity<String> gather(
            @RequestParam Map<String, String> params,
            @RequestHeader(name = "I-Twilio-Idempotency-Token", required = false) String token) {
        var request = new TwilioRequest(params);
        String callSid = request.get("CallSid");
        if (callSid == null) {
            log.warn("A gather webhook without a CallSid");
            return TwilioRequest.twiml(Twiml.apology());
        }
        int turn = turn(request);
        // one turn: its business and the rows the assistant reads are read once (TurnReads); a turn that gets
        // no permit in time holds the caller and comes back with the words in the redirect (VoiceHold)
        // the business is read before the transaction: a row read outside one may be kept by version (tenants)
        return TwilioRequest.twiml(permits.run(
                "gather",
                () -> TurnReads.during(() -> {
                    Optional<Business> found = business(request);
                    return oneCommit(() -> replies.once(
                            "voice:" + callSid + ":" + turn, token, () -> hear(request, found, callSid, turn)));
                }),
                () -> VoiceHold.gather(request, turn)));
    }

    private String hear(TwilioRequest request, Optional<Business> found, String callSid, int turn) {
        if (found.isEmpty()) {
            return Twiml.sayAndHangUp(NOT_IN_SERVICE, Speaking.of("en", null, null));
        }
        Business business = found.get();
        String speech = request.get("SpeechResult");
        String text = speech != null
                ? speech
                : Optional.ofNullable(request.get("Digits")).orElse("");
        Double confidence = speech != null ? request.decimal("Confidence") : null;
        // on a call the business placed (a campaign's), the person talking is the one called
        String caller = request.phone(outbound(request) ? "To" : "From")
                .map(PhoneNumber::e164)
                .orElse(null);
        AssistantReply reply = assistant.handle(new InboundTurn(
                business.id(), Channel.VOICE, callSid, text, null, confidence, caller, attested(request)));
        calls.language(callSid, reply.language());
        return answer(reply, business, request, turn + 1);
    }

    /**
     * Twilio's call status callback (and the {@code <Dial>} action after a transfer). A call that ended
     * closes its record and the assistant's conversation.
     */
    @PostMapping("/twilio/voice/status")
    ResponseEntity<String> status(@RequestParam Map<String, String> params) {
        var request = new TwilioRequest(params);
        String callSid = request.get("CallSid");
        String dialStatus = request.get("DialCallStatus");
        try {
            if (dialStatus != null) {
                return TwilioRequest.twiml(afterTransfer(dialStatus, request, params.get("turn")));
            }
            String status = Optional.ofNullable(request.get("CallStatus"))
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .orElse("");
            if (callSid != null && ENDED.contains(status)) {
                var record = endings.end(
                        callSid, status, request.integer("CallDuration"), request.get("RecordingUrl"), clock.instant());
                if (record.isPresent()) {
                    assistant.hangUp(record.get().businessId(), Channel.VOICE, callSid);
                } else {
                    business(request).ifPresent(b -> assistant.hangUp(b.id(), Channel.VOICE, callSid));
                }
            }
        } catch (RuntimeException e) {
            log.error("Could not process the status callback of call {}", LogSafe.of(callSid), e);
            if (dialStatus != null) {
                return TwilioRequest.twiml(Twiml.apology());
            }
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The whisper, played to the person a call is transferred to (Twilio calls this on their leg when they
     * pick up): who is calling and why, press 1 to take it.
     */
    @PostMapping("/twilio/voice/whisper")
    ResponseEntity<String> whisper(@RequestParam Map<String, String> params) {
        String text = params.getOrDefault("w", "You have a call from Frontdesk");
        String parent = params.getOrDefault("ParentCallSid", "");
        return TwilioRequest.twiml(Twiml.whisper(
                text,
                "/twilio/voice/whisper/answer?parent="
                        + org.springframework.web.util.UriUtils.encodeQueryParam(
                                parent, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The person called pressed a key (1 takes the call) or let the whisper time out (declined). */
    @PostMapping("/twilio/voice/whisper/answer")
    ResponseEntity<String> whisperAnswer(@RequestParam Map<String, String> params) {
        if ("1".equals(params.get("Digits"))) {
            return TwilioRequest.twiml(Twiml.empty());
        }
        String parent = params.getOrDefault("parent", params.get("ParentCallSid"));
        if (parent != null && !parent.isBlank()) {
            declines.decline(parent, clock.instant());
        }
        return TwilioRequest.twiml(Twiml.sayAndHangUp(null, Speaking.of("en", null, null)));
    }

    /**
     * After a transfer: done when someone answered; otherwise the assistant offers to take a message and
     * the call goes on with the next turn (or an apology when the business is unknown).
     */
    private String afterTransfer(String dialStatus, TwilioRequest request, String turn) {
        boolean declined = request.get("CallSid") != null && declines.declined(request.get("CallSid"));
        if (!declined && ("completed".equalsIgnoreCase(dialStatus) || "answered".equalsIgnoreCase(dialStatus))) {
            return Twiml.sayAndHangUp(null, Speaking.of("en", null, null));
        }
        var business = business(request);
        if (business.isEmpty() || request.get("CallSid") == null) {
            return Twiml.sayAndHangUp(NOBODY_ANSWERED, Speaking.of("en", null, null));
        }
        int next = turn == null
                ? 1
                : Integer.parseInt(turn.replaceAll("[^0-9]", "").isEmpty() ? "1" : turn.replaceAll("[^0-9]", ""));
        var reply = assistant.transferFailed(business.get().id(), Channel.VOICE, request.get("CallSid"));
        return answer(reply, business.get(), request, next);
    }

    /** The assistant's reply as TwiML: hang up, transfer, hold, or keep listening on the next turn. */
    private static String answer(AssistantReply reply, Business business, TwilioRequest request, int nextTurn) {
        Speaking speaking =
                Speaking.of(reply.language(), business.settings().assistant().voice(), business.defaultLanguage());
        for (AssistantReply.Action action : reply.actions()) {
            if (action instanceof AssistantReply.Action.Transfer transfer) {
                String whisper =
                        transfer.whisper() == null || transfer.whisper().isBlank()
                                ? null
                                : "/twilio/voice/whisper?w="
                                        + org.springframework.web.util.UriUtils.encodeQueryParam(
                                                transfer.whisper().length() <= 200
                                                        ? transfer.whisper()
                                                        : transfer.whisper().substring(0, 200),
                                                java.nio.charset.StandardCharsets.UTF_8);
                return Twiml.sayAndDial(
                        reply.text(),
                        speaking,
                        transfer.number(),
                        request.get("To"),
                        STATUS_ACTION + "?turn=" + nextTurn,
                        whisper);
            }
        }
        if (reply.ends()) {
            return Twiml.sayAndHangUp(reply.text(), speaking);
        }
        for (AssistantReply.Action action : reply.actions()) {
            if (action instanceof AssistantReply.Action.Hold hold) {
                // the first sentence of an answer still being written: said, then the rest is asked for at once
                return hold.fetchRest()
                        ? Twiml.sayAndRedirect(reply.text(), speaking, GATHER_ACTION + nextTurn)
                        : Twiml.holdListening(reply.text(), speaking, GATHER_ACTION + nextTurn);
            }
        }
        return Twiml.gather(reply.text(), speaking, GATHER_ACTION + nextTurn);
    }

    /**
     * The active business owning the number called (or calling, on a call the business placed); empty for
     * an unknown number or a suspended business.
     */
    private Optional<Business> business(TwilioRequest request) {
        Optional<Business> business =
                request.phone(outbound(request) ? "From" : "To").flatMap(tenants::findByPhoneNumber);
        if (business.isEmpty()) {
            log.warn("A Twilio webhook for a number no business owns: {}", LogSafe.of(request.get("To")));
        } else if (!business.get().isActive()) {
            log.info(
                    "A Twilio webhook for suspended business {}", business.get().id());
            return Optional.empty();
        }
        return business;
    }

    /** A call the business placed through the REST API (a campaign's): its number is {@code From}. */
    static boolean outbound(TwilioRequest request) {
        return "outbound-api".equalsIgnoreCase(request.get("Direction"));
    }

    private static String direction(TwilioRequest request) {
        String direction = request.get("Direction");
        return direction == null ? "inbound" : direction.toLowerCase(Locale.ROOT);
    }

    private static int turn(TwilioRequest request) {
        Integer turn = request.integer("turn");
        return turn == null || turn < 1 ? 1 : Math.min(turn, 10_000);
    }

    /** Nothing reaches the caller as a stack trace: any failure is an apology and a polite hang-up. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("A Twilio voice webhook failed", e);
        return TwilioRequest.twiml(Twiml.apology());
    }
}
