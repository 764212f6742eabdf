package dev.frontdesk.dashboard.internal;

import dev.frontdesk.assistant.AssistantLanguages;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.Simulator;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Try it: the signed-in user talks to their business's assistant as a caller would (the assistant's
 * {@link Simulator}, on a phone call or a text chat, in one of its languages), turn by turn, and sees the
 * business's next appointments beside the chat, so a booking made in the conversation shows at once. The
 * chat is drawn from the conversation's stored transcript, found only among the business's conversations.
 * An htmx post gets the chat and the appointments (out of band) as fragments; a plain post gets the page.
 */
@Controller
@RequestMapping("/try")
class TryItController implements DashboardPage {

    static final int MAX_TEXT = 500;
    static final int LISTED = 8;
    static final String DEMO_PHONE = "+1 617 555 0123";

    private static final Logger log = LoggerFactory.getLogger(TryItController.class);

    private final Tenants tenants;
    private final Simulator simulator;
    private final Conversations conversations;
    private final Scheduling scheduling;
    private final Clock clock;

    TryItController(
            Tenants tenants, Simulator simulator, Conversations conversations, Scheduling scheduling, Clock clock) {
        this.tenants = tenants;
        this.simulator = simulator;
        this.conversations = conversations;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    /** The chat form as posted: the conversation so far (session and conversation id) and its settings. */
    record ChatForm(
            String session,
            String conversation,
            String channel,
            String language,
            String phone,
            String speak,
            String text,
            String confidence,
            String waiting) {}

    /** What the chat shows: its settings, the lines said so far, and what went wrong with the last one. */
    record Chat(
            String session,
            String conversation,
            String channel,
            String language,
            String phone,
            boolean speak,
            List<ConversationsController.Bubble> bubbles,
            boolean ended,
            boolean held,
            String error,
            String text) {

        public boolean started() {
            return !session.isEmpty();
        }

        public String channelLabel() {
            return CHANNELS.stream()
                    .filter(o -> o.value().equals(channel))
                    .map(ConversationsController.Option::label)
                    .findFirst()
                    .orElse(channel);
        }

        public String languageLabel() {
            return Views.language(language);
        }
    }

    /** The channels the page offers: a phone call (short spoken replies) or a text chat. */
    static final List<ConversationsController.Option> CHANNELS = List.of(
            new ConversationsController.Option(Channel.VOICE.name(), "Phone call"),
            new ConversationsController.Option(Channel.SIMULATOR.name(), "Text chat"));

    @GetMapping
    ModelAndView page(@AuthenticationPrincipal SignedInUser user) {
        Business business = Pages.business(tenants, user);
        return page(user, business, fresh(business, null));
    }

    @PostMapping
    ModelAndView say(
            @AuthenticationPrincipal SignedInUser user, @ModelAttribute ChatForm form, HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        Chat settings = fresh(business, form);
        Optional<Conversation> current = ours(business, form);
        String session = current.isPresent() ? blankToEmpty(form.session()) : "";
        String text = blankToEmpty(form.text());
        // the assistant held its answer (a voice turn over its time): an empty line asks for it
        boolean waiting = "1".equals(form.waiting())
                && current.isPresent()
                && current.get().isOpen();
        String error = null;
        if (text.isEmpty() && !waiting) {
            error = "Type what the caller says, then Send.";
        } else if (text.length() > MAX_TEXT) {
            error = "That is too long: at most " + MAX_TEXT + " characters a line, please.";
        } else if (phone(business, form.phone()).isEmpty()) {
            error = "Enter the caller's phone number, e.g. " + DEMO_PHONE + ".";
        } else if (current.isPresent() && !current.get().isOpen()) {
            error = "This conversation has ended. Start over to talk again.";
        }
        UUID conversation = current.map(Conversation::id).orElse(null);
        boolean ended = current.map(c -> !c.isOpen()).orElse(false);
        boolean held = false;
        if (error == null) {
            try {
                String phone = phone(business, form.phone()).orElseThrow().e164();
                if (session.isEmpty()) {
                    // greeted first, as on a call; kept (and shown) even if the line then fails
                    var greeted = simulator.say(business.id(), line(null, settings, "", phone, null));
                    session = greeted.session();
                    conversation = greeted.reply().conversationId();
                }
                AssistantReply reply = simulator
                        .say(business.id(), line(session, settings, text, phone, confidence(form.confidence())))
                        .reply();
                conversation = reply.conversationId();
                ended = reply.ends();
                held = reply.actions().stream().anyMatch(a -> a instanceof AssistantReply.Action.Hold);
                text = "";
            } catch (FrontdeskException e) {
                error = "The assistant could not take that line: " + e.getMessage();
            } catch (RuntimeException e) {
                log.warn("Try it: the assistant failed on a turn of business {}", business.id(), e);
                error = "Sorry, the assistant could not answer just now. Please try again, or start over.";
            }
        }
        Chat chat = new Chat(
                conversation == null ? "" : session,
                conversation == null ? "" : conversation.toString(),
                settings.channel(),
                settings.language(),
                settings.phone(),
                settings.speak(),
                bubbles(business, conversation),
                ended,
                held,
                error,
                text);
        return view(user, business, chat, request);
    }

    @PostMapping("/restart")
    ModelAndView restart(
            @AuthenticationPrincipal SignedInUser user, @ModelAttribute ChatForm form, HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        Chat settings = fresh(business, form);
        ours(business, form).filter(Conversation::isOpen).ifPresent(c -> {
            try {
                simulator.hangUp(business.id(), Channel.valueOf(settings.channel()), form.session());
            } catch (RuntimeException e) {
                log.warn("Try it: ending the conversation of business {} failed", business.id(), e);
            }
        });
        return view(user, business, settings, request);
    }

    private ModelAndView view(SignedInUser user, Business business, Chat chat, HttpServletRequest request) {
        if (!Pages.htmx(request)) {
            return page(user, business, chat);
        }
        return withAppointments(Pages.page("dashboard/try-turn :: turn", user, business), business, chat);
    }

    private ModelAndView page(SignedInUser user, Business business, Chat chat) {
        return withAppointments(Pages.page("dashboard/try", user, business), business, chat);
    }

    /** What the chat needs, and the business's next appointments (the caller's own marked). */
    private ModelAndView withAppointments(ModelAndView view, Business business, Chat chat) {
        Instant now = clock.instant();
        String callerPhone =
                phone(business, chat.phone()).map(PhoneNumber::e164).orElse("");
        var upcoming = scheduling
                .live(business.id(), now, now.plus(AppointmentsController.LISTED_AHEAD), new PageQuery(1, LISTED))
                .items()
                .stream()
                .map(a -> Views.row(a, business.timezone()))
                .toList();
        return view.addObject("chat", chat)
                .addObject("maxText", MAX_TEXT)
                .addObject("channels", CHANNELS)
                .addObject(
                        "languages",
                        AssistantLanguages.codes().stream()
                                .map(code -> new ConversationsController.Option(code, Views.language(code)))
                                .toList())
                .addObject("upcoming", upcoming)
                .addObject("callerPhone", callerPhone)
                .addObject(
                        "firstService",
                        business.services().isEmpty()
                                ? "an appointment"
                                : business.services().getFirst().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A new conversation's settings: those posted when they can be used, else the defaults. */
    private static Chat fresh(Business business, ChatForm form) {
        String channel = form == null
                ? Channel.VOICE.name()
                : CHANNELS.stream()
                        .map(ConversationsController.Option::value)
                        .filter(v -> v.equals(form.channel()))
                        .findFirst()
                        .orElse(Channel.VOICE.name());
        String language = form != null && AssistantLanguages.codes().contains(form.language())
                ? form.language()
                : AssistantLanguages.codes().contains(business.defaultLanguage())
                        ? business.defaultLanguage()
                        : AssistantLanguages.codes().getFirst();
        String phone = form == null || form.phone() == null
                ? DEMO_PHONE
                : form.phone()
                        .strip()
                        .substring(0, Math.min(form.phone().strip().length(), 40));
        boolean speak = form != null && "on".equals(form.speak());
        return new Chat("", "", channel, language, phone, speak, List.of(), false, false, null, "");
    }

    /** The posted conversation, if it is one of the business's: another business's id is ignored. */
    private Optional<Conversation> ours(Business business, ChatForm form) {
        if (blankToEmpty(form.session()).isEmpty()) {
            return Optional.empty();
        }
        return ConversationsController.parse(form.conversation()).flatMap(id -> conversations.find(business.id(), id));
    }

    private List<ConversationsController.Bubble> bubbles(Business business, UUID conversation) {
        if (conversation == null) {
            return List.of();
        }
        return conversations.transcript(business.id(), conversation).stream()
                .map(t -> {
                    boolean caller = "CALLER".equals(t.speaker());
                    return new ConversationsController.Bubble(
                            caller, caller ? "You" : "Assistant", t.text(), Views.time(t.at(), business.timezone()));
                })
                .toList();
    }

    private static Simulator.Line line(String session, Chat settings, String text, String phone, Double confidence) {
        return new Simulator.Line(
                session,
                Channel.valueOf(settings.channel()),
                text,
                phone,
                settings.language(),
                Channel.valueOf(settings.channel()).spoken() ? confidence : null,
                null);
    }

    private static Optional<PhoneNumber> phone(Business business, String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return Optional.empty();
        }
        return PhoneNumber.parseLenient(typed, Views.phoneRegion(business));
    }

    /** The browser's speech recogniser's confidence, 0 to 1; null when typed or unreadable. */
    private static Double confidence(String given) {
        try {
            double value = Double.parseDouble(blankToEmpty(given));
            return value >= 0 && value <= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
