package dev.frontdesk.dashboard.internal;

import dev.frontdesk.campaigns.CampaignDesk;
import dev.frontdesk.campaigns.CampaignDesk.Draft;
import dev.frontdesk.campaigns.CampaignDesk.Summary;
import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Campaigns pages: the business's outbound campaigns with their counts, creating one (OWNER and STAFF)
 * with the API's checks shown beside the fields, starting, pausing, resuming and stopping it, and a
 * campaign's page whose counts htmx refreshes while it runs, with its leads and their calls. Everything
 * goes through the campaigns module's {@link CampaignDesk}.
 */
@Controller
@RequestMapping("/campaigns")
class CampaignsController implements DashboardPage {

    /** The moves the buttons post, by path. */
    private static final List<String> MOVES = List.of("start", "pause", "resume", "stop");

    private final Tenants tenants;
    private final CampaignDesk campaigns;

    CampaignsController(Tenants tenants, CampaignDesk campaigns) {
        this.tenants = tenants;
        this.campaigns = campaigns;
    }

    /** The new-campaign form as typed, with the errors by field (the API's names: {@code window.start}, …). */
    record Form(
            String name,
            String purpose,
            String openingScript,
            List<String> leadIds,
            String status,
            String language,
            String tag,
            String windowStart,
            String windowEnd,
            String maxConcurrentCalls,
            String callsPerMinute,
            String retryAttempts,
            String retryBackoffMinutes,
            String voicemail,
            Map<String, String> errors) {

        static Form blank(List<String> leadIds) {
            return new Form(
                    "", "", "", leadIds, "", "", "", "09:00", "18:00", "3", "", "2", "60", "LEAVE_MESSAGE", Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        var found = campaigns.list(business.id(), new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        return Pages.page("dashboard/campaigns", user, business)
                .addObject("campaigns", found.items())
                .addObject("pager", Pager.of(found, "/campaigns", Map.of()));
    }

    @GetMapping("/new")
    ModelAndView newCampaign(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "lead", required = false) List<String> leads) {
        Business business = Pages.business(tenants, user);
        return form(user, business, Form.blank(leadIds(leads)), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> fields,
            @RequestParam(name = "lead", required = false) List<String> leads) {
        Business business = Pages.business(tenants, user);
        var form = new Form(
                field(fields, "name"),
                field(fields, "purpose"),
                field(fields, "openingScript"),
                leadIds(leads),
                field(fields, "status"),
                field(fields, "language"),
                field(fields, "tag"),
                field(fields, "windowStart"),
                field(fields, "windowEnd"),
                field(fields, "maxConcurrentCalls"),
                field(fields, "callsPerMinute"),
                field(fields, "retryAttempts"),
                field(fields, "retryBackoffMinutes"),
                field(fields, "voicemail"),
                Map.of());
        var saved = campaigns.create(
                business.id(),
                new Draft(
                        form.name(),
                        form.purpose(),
                        form.openingScript(),
                        form.leadIds(),
                        form.status(),
                        form.language(),
                        form.tag(),
                        form.windowStart(),
                        form.windowEnd(),
                        number(form.maxConcurrentCalls()),
                        number(form.callsPerMinute()),
                        number(form.retryAttempts()),
                        number(form.retryBackoffMinutes()),
                        form.voicemail()));
        if (saved.saved()) {
            return new ModelAndView("redirect:/campaigns/" + saved.id() + "?created");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : saved.errors()) {
            errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
        }
        return form(user, business, withErrors(form, errors), HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/{id}")
    ModelAndView campaign(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        return detail(user, business, campaign(business, id), page, null, HttpStatus.OK);
    }

    /** The counts and status alone, for htmx to refresh every few seconds while the campaign is live. */
    @GetMapping("/{id}/progress")
    ModelAndView progress(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        Summary campaign = campaign(business, id);
        String view = Pages.htmx(request) ? "dashboard/campaign :: progress" : "dashboard/campaign-progress";
        return Pages.page(view, user, business).addObject("campaign", campaign);
    }

    @PostMapping("/{id}/{move}")
    ModelAndView move(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String move) {
        Business business = Pages.business(tenants, user);
        Summary campaign = campaign(business, id);
        if (!MOVES.contains(move)) {
            throw FrontdeskException.notFound("Page");
        }
        try {
            campaigns.move(business.id(), campaign.id(), move).orElseThrow(CampaignsController::notFound);
        } catch (FrontdeskException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            // someone else moved it first (or it completed): the page as it is now, and why nothing happened
            return detail(user, business, campaign(business, id), null, e.getMessage(), HttpStatus.CONFLICT);
        }
        return new ModelAndView("redirect:/campaigns/" + campaign.id() + "?" + move);
    }

    private ModelAndView detail(
            SignedInUser user, Business business, Summary campaign, String page, String problem, HttpStatus status) {
        var leads = campaigns
                .leads(business.id(), campaign.id(), new PageQuery(Pager.number(page), Pager.PAGE_SIZE))
                .orElseThrow(CampaignsController::notFound);
        var zone = business.timezone();
        var view = Pages.page("dashboard/campaign", user, business)
                .addObject("campaign", campaign)
                .addObject("problem", problem)
                .addObject(
                        "leads",
                        leads.items().stream()
                                .map(l -> CampaignRows.lead(l, zone))
                                .toList())
                .addObject("pager", Pager.of(leads, "/campaigns/" + campaign.id(), Map.of()))
                .addObject("moves", CampaignRows.moves(campaign.status()))
                .addObject("created", Views.dayAndTime(campaign.createdAt(), zone));
        view.setStatus(status);
        return view;
    }

    private Summary campaign(Business business, String id) {
        return ConversationsController.parse(id)
                .flatMap(campaign -> campaigns.find(business.id(), campaign))
                .orElseThrow(CampaignsController::notFound);
    }

    private static ModelAndView form(SignedInUser user, Business business, Form form, HttpStatus status) {
        var view = Pages.page("dashboard/campaign-new", user, business)
                .addObject("form", form)
                .addObject(
                        "statuses",
                        CustomerBook.STATUSES.stream()
                                .filter(s -> !"DO_NOT_CALL".equals(s))
                                .map(s -> new ConversationsController.Option(s, Views.label(s)))
                                .toList())
                .addObject(
                        "languages",
                        CustomersController.LANGUAGES.stream()
                                .map(l -> new ConversationsController.Option(l, Views.language(l)))
                                .toList());
        view.setStatus(status);
        return view;
    }

    private static Form withErrors(Form f, Map<String, String> errors) {
        return new Form(
                f.name(),
                f.purpose(),
                f.openingScript(),
                f.leadIds(),
                f.status(),
                f.language(),
                f.tag(),
                f.windowStart(),
                f.windowEnd(),
                f.maxConcurrentCalls(),
                f.callsPerMinute(),
                f.retryAttempts(),
                f.retryBackoffMinutes(),
                f.voicemail(),
                errors);
    }

    /** Lead ids ticked on the Customers page; the campaigns module says which are not the business's leads. */
    private static List<String> leadIds(List<String> leads) {
        return leads == null
                ? List.of()
                : leads.stream()
                        .filter(l -> l != null && !l.isBlank())
                        .map(String::strip)
                        .distinct()
                        .limit(10_001)
                        .toList();
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value.strip();
    }

    /** A number as typed: null when blank (the default applies), -1 when it is not a number (out of range). */
    private static Integer number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static FrontdeskException notFound() {
        return FrontdeskException.notFound("Campaign");
    }
}
