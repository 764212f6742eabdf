package dev.frontdesk.dashboard.internal;

import dev.frontdesk.crm.Conversations;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessAdmin;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code /operator}: the service operator's pages (the OPERATOR role only, see the security configuration).
 * The businesses with their usage over the last 30 days (one grouped count per module, not one per business),
 * creating a business with the admin API's rules (its API key and widget token shown once), suspending and
 * activating one, and rotating its API key or widget token (shown once); each change asks first.
 */
@Controller
@RequestMapping("/operator")
class OperatorPageController implements DashboardPage {

    static final Duration USAGE_WINDOW = Duration.ofDays(30);

    private final BusinessAdmin admin;
    private final Tenants tenants;
    private final Conversations conversations;
    private final Scheduling scheduling;
    private final Clock clock;

    OperatorPageController(
            BusinessAdmin admin, Tenants tenants, Conversations conversations, Scheduling scheduling, Clock clock) {
        this.admin = admin;
        this.tenants = tenants;
        this.conversations = conversations;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    /** A business as the list shows it, with its usage in the last 30 days. */
    record Row(
            String id,
            String name,
            String phones,
            String status,
            boolean active,
            String created,
            long calls,
            long conversations,
            long appointments) {}

    /**
     * Keys just issued, shown on the next page only: both for a new business, the one rotated after a rotation
     * (the other null).
     */
    record Fresh(String business, String apiKey, String widgetToken) {}

    @GetMapping
    ModelAndView businesses(@RequestParam(required = false) String page, HttpServletRequest request) {
        var flash = RequestContextUtils.getInputFlashMap(request);
        var found = admin.list(new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        Instant to = clock.instant().plusMillis(1); // up to and including now
        Instant from = to.minus(USAGE_WINDOW);
        var usage = conversations.usageByBusiness(from, to);
        var booked = scheduling.bookedByBusiness(from, to);
        var none = new Conversations.Usage(0, 0);
        return OperatorForm.page("dashboard/operator", "businesses")
                .addObject(
                        "rows",
                        found.items().stream()
                                .map(b -> new Row(
                                        b.id().toString(),
                                        b.name(),
                                        String.join(
                                                ", ",
                                                b.phoneNumbers().stream()
                                                        .map(PhoneNumber::e164)
                                                        .toList()),
                                        Views.label(b.status().name()),
                                        b.isActive(),
                                        b.createdAt()
                                                .atOffset(ZoneOffset.UTC)
                                                .toLocalDate()
                                                .toString(),
                                        usage.getOrDefault(b.id(), none).calls(),
                                        usage.getOrDefault(b.id(), none).conversations(),
                                        booked.getOrDefault(b.id(), 0L)))
                                .toList())
                .addObject("pager", Pager.of(found, "/operator", Map.of()))
                .addObject("fresh", flash == null ? null : flash.get("fresh"))
                .addObject("done", flash == null ? null : flash.get("done"));
    }

    @GetMapping("/businesses/new")
    ModelAndView newBusiness() {
        return OperatorForm.page("dashboard/operator-new", "new").addObject("form", OperatorForm.empty());
    }

    @PostMapping("/businesses")
    ModelAndView create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String timezone,
            @RequestParam(required = false) String phoneNumbers,
            @RequestParam(required = false) String ownerPhone,
            @RequestParam(required = false) String ownerEmail,
            @RequestParam(required = false) String defaultLanguage,
            RedirectAttributes next) {
        var form = new OperatorForm(name, timezone, phoneNumbers, ownerPhone, ownerEmail, defaultLanguage, Map.of());
        var created = admin.create(form.toNewBusiness());
        if (!created.created()) {
            var view = OperatorForm.page("dashboard/operator-new", "new")
                    .addObject("form", form.withErrors(created.errors()));
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
        next.addFlashAttribute("fresh", new Fresh(created.business().name(), created.apiKey(), created.widgetToken()));
        return new ModelAndView("redirect:/operator");
    }

    /** Asks before suspending, activating or rotating a key. */
    @GetMapping("/businesses/{id}/{action:suspend|activate|api-key|widget-token}")
    ModelAndView confirm(@PathVariable String id, @PathVariable String action) {
        Business business = business(id);
        String name = business.name();
        var view = OperatorForm.page("dashboard/confirm", "businesses")
                .addObject("action", "/operator/businesses/" + business.id() + "/" + action)
                .addObject("cancel", "/operator");
        return switch (action) {
            case "suspend" ->
                view.addObject("title", "Suspend " + name + "?")
                        .addObject(
                                "question",
                                "While it is suspended, its API key gets 403, its callers hear that the service is"
                                        + " unavailable and its users cannot sign in. You can activate it again.")
                        .addObject("button", "Suspend " + name);
            case "activate" ->
                view.addObject("title", "Activate " + name + "?")
                        .addObject("question", "Its API key, phone numbers and users work again at once.")
                        .addObject("button", "Activate " + name);
            case "widget-token" ->
                view.addObject("title", "Rotate the widget token of " + name + "?")
                        .addObject(
                                "question",
                                "A new token is shown once; the current one stops working at once, so the chat on the"
                                        + " business's website stops until its snippet is given the new one.")
                        .addObject("button", "Rotate the widget token");
            default ->
                view.addObject("title", "Rotate the API key of " + name + "?")
                        .addObject(
                                "question",
                                "A new key is shown once; the current one stops working at once, so every program"
                                        + " using it must be given the new one.")
                        .addObject("button", "Rotate the API key");
        };
    }

    @PostMapping("/businesses/{id}/suspend")
    String suspend(@PathVariable String id, RedirectAttributes next) {
        var business = admin.suspend(business(id).id());
        next.addFlashAttribute("done", business.name() + " is suspended.");
        return "redirect:/operator";
    }

    @PostMapping("/businesses/{id}/activate")
    String activate(@PathVariable String id, RedirectAttributes next) {
        var business = admin.activate(business(id).id());
        next.addFlashAttribute("done", business.name() + " is active again.");
        return "redirect:/operator";
    }

    @PostMapping("/businesses/{id}/api-key")
    String rotateApiKey(@PathVariable String id, RedirectAttributes next) {
        Business business = business(id);
        var issued = admin.rotateApiKey(business.id());
        next.addFlashAttribute("fresh", new Fresh(business.name(), issued.value(), null));
        return "redirect:/operator";
    }

    @PostMapping("/businesses/{id}/widget-token")
    String rotateWidgetToken(@PathVariable String id, RedirectAttributes next) {
        Business business = business(id);
        var issued = admin.rotateWidgetToken(business.id());
        next.addFlashAttribute("fresh", new Fresh(business.name(), null, issued.value()));
        return "redirect:/operator";
    }

    private Business business(String id) {
        return BusinessId.parse(id)
                .flatMap(tenants::find)
                .orElseThrow(() -> new FrontdeskException(
                        HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such business."));
    }
}
