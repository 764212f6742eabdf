package dev.frontdesk.dashboard.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** {@code /outbox}: every text, WhatsApp message and email the sandbox "sent" for the business, newest first. */
@Controller
class OutboxPageController implements DashboardPage {

    static final List<String> CHANNELS = List.of("SMS", "WHATSAPP", "EMAIL");

    private final Tenants tenants;
    private final Messages messages;

    OutboxPageController(Tenants tenants, Messages messages) {
        this.tenants = tenants;
        this.messages = messages;
    }

    /** A message in the outbox, ready to show. */
    record Row(String channel, String to, String subject, String body, String purpose, String attachments, String at) {}

    @GetMapping("/outbox")
    ModelAndView outbox(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        String wanted =
                channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !CHANNELS.contains(wanted)) {
            wanted = null;
        }
        var found = messages.outbox(business.id(), wanted, new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        return Pages.page("dashboard/outbox", user, business)
                .addObject("channel", wanted)
                .addObject(
                        "channels",
                        CHANNELS.stream()
                                .map(c -> new ConversationsController.Option(c, Views.channel(c)))
                                .toList())
                .addObject(
                        "rows",
                        found.items().stream()
                                .map(m -> new Row(
                                        Views.channel(m.channel()),
                                        m.to(),
                                        m.subject(),
                                        m.body(),
                                        Views.label(m.purpose()),
                                        String.join(", ", m.attachments()),
                                        Views.dayAndTime(m.createdAt(), business.timezone())))
                                .toList())
                .addObject("pager", Pager.of(found, "/outbox", Map.of("channel", wanted == null ? "" : wanted)));
    }
}
