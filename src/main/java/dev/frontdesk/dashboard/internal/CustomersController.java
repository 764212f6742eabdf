package dev.frontdesk.dashboard.internal;

import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.crm.CustomerBook.Profile;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Customers and leads through the CRM's {@link CustomerBook}: a list filtered by status, language and
 * words, paged; one customer with their timeline and the do-not-call and SMS opt-out flags (OWNER and
 * STAFF change them; opting out also puts the number in the messaging module's opt-out registry, so texts
 * stop, and only the number's own START takes it out again). The CSV lead import is {@link LeadUploadController}'s.
 */
@Controller
@RequestMapping("/customers")
class CustomersController implements DashboardPage {

    /** The languages the assistant speaks (assistant/lang/languages.txt), offered by the language filter. */
    static final List<String> LANGUAGES = dev.frontdesk.assistant.AssistantLanguages.codes();

    private final Tenants tenants;
    private final CustomerBook customers;
    private final Messages messages;

    CustomersController(Tenants tenants, CustomerBook customers, Messages messages) {
        this.tenants = tenants;
        this.customers = customers;
        this.messages = messages;
    }

    /** A customer as a row of the list. */
    record Row(
            String id,
            String name,
            String phone,
            String status,
            String language,
            String source,
            boolean lead,
            boolean doNotCall,
            boolean smsOptOut,
            String lastContact) {}

    /** A line of the timeline, ready to show; {@code link} is the conversation's page, or null. */
    record Entry(String kind, String when, String atIso, String what, String detail, String link) {}

    @GetMapping
    ModelAndView list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        ZoneId zone = business.timezone();
        String wantedStatus = blank(status) == null ? null : status.strip().toUpperCase(Locale.ROOT);
        String wantedLanguage =
                blank(language) == null ? null : language.strip().toLowerCase(Locale.ROOT);
        String text = blank(q) == null ? null : q.strip();
        List<String> problems = new java.util.ArrayList<>();
        if (wantedStatus != null && !CustomerBook.STATUSES.contains(wantedStatus)) {
            problems.add("Choose a status from the list.");
            wantedStatus = null;
        }
        if (wantedLanguage != null && !LANGUAGES.contains(wantedLanguage)) {
            problems.add("Choose a language from the list.");
            wantedLanguage = null;
        }
        if (text != null && text.length() > 200) {
            text = text.substring(0, 200);
        }
        var found = customers.list(
                business.id(),
                new CustomerBook.Filter(wantedStatus, wantedLanguage, text),
                new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        var filters = new LinkedHashMap<String, String>();
        filters.put("status", wantedStatus);
        filters.put("language", wantedLanguage);
        filters.put("q", text);
        return Pages.page("dashboard/customers", user, business)
                .addObject("rows", found.items().stream().map(c -> row(c, zone)).toList())
                .addObject("pager", Pager.of(found, "/customers", filters))
                .addObject("filters", filters)
                .addObject("problems", problems)
                .addObject(
                        "statuses",
                        CustomerBook.STATUSES.stream()
                                .map(s -> new ConversationsController.Option(s, Views.label(s)))
                                .toList())
                .addObject(
                        "languages",
                        LANGUAGES.stream()
                                .map(l -> new ConversationsController.Option(l, Views.language(l)))
                                .toList());
    }

    @GetMapping("/{id}")
    ModelAndView detail(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        Profile customer = find(business, id);
        var timeline =
                customers.timeline(business.id(), customer.id(), new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        return Pages.page("dashboard/customer", user, business)
                .addObject("customer", customer)
                .addObject("textsOff", messages.smsOptedOut(business.id(), new PhoneNumber(customer.phone())))
                .addObject("row", row(customer, business.timezone()))
                .addObject(
                        "timeline",
                        timeline.items().stream()
                                .map(e -> entry(e, business.timezone()))
                                .toList())
                .addObject("pager", Pager.of(timeline, "/customers/" + customer.id(), Map.of()));
    }

    @PostMapping("/{id}/flags")
    ModelAndView flags(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String doNotCall,
            @RequestParam(required = false) String smsOptOut,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        Profile customer = find(business, id);
        Profile changed = customers.setContactFlags(business.id(), customer.id(), doNotCall != null, smsOptOut != null);
        PhoneNumber phone = new PhoneNumber(changed.phone());
        if (changed.smsOptOut() && !messages.smsOptedOut(business.id(), phone)) {
            messages.optOut(business.id(), phone); // texts stop now, as after the customer's STOP
        }
        if (!Pages.htmx(request)) {
            return new ModelAndView("redirect:/customers/" + changed.id());
        }
        return Pages.page("dashboard/customer :: flags", user, business)
                .addObject("customer", changed)
                .addObject("textsOff", messages.smsOptedOut(business.id(), phone))
                .addObject("row", row(changed, business.timezone()))
                .addObject("saved", true);
    }

    private Profile find(Business business, String id) {
        return ConversationsController.parse(id)
                .flatMap(found -> customers.find(business.id(), found))
                .orElseThrow(() -> FrontdeskException.notFound("Customer"));
    }

    static Row row(Profile c, ZoneId zone) {
        return new Row(
                c.id().toString(),
                c.name() == null ? "(no name)" : c.name(),
                c.phone(),
                Views.label(c.status()),
                Views.language(c.language()),
                Views.label(c.source()),
                c.lead(),
                c.doNotCall(),
                c.smsOptOut(),
                c.lastContactAt() == null ? "–" : Views.dayAndTime(c.lastContactAt(), zone));
    }

    private static Entry entry(CustomerBook.TimelineEntry e, ZoneId zone) {
        String when = Views.dayAndTime(e.at(), zone);
        return switch (e.type()) {
            case "CONVERSATION" ->
                new Entry(
                        "Conversation",
                        when,
                        e.at().toString(),
                        Views.channel(e.channel()) + (e.outcome() == null ? "" : ": " + Views.label(e.outcome())),
                        e.summary() == null ? "" : e.summary(),
                        "/conversations/" + e.id());
            case "APPOINTMENT" ->
                new Entry(
                        "Appointment",
                        when,
                        e.at().toString(),
                        e.service() + ": " + Views.label(e.status()),
                        e.end() == null ? "" : "Until " + Views.time(e.end(), zone),
                        null);
            default ->
                new Entry(
                        "Message",
                        when,
                        e.at().toString(),
                        "Message for staff: " + Views.label(e.status()),
                        e.text() == null ? "" : e.text(),
                        null);
        };
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
