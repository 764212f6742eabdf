package dev.frontdesk.dashboard.internal;

import dev.frontdesk.directory.Directory;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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
 * Messages callers left for staff, open or handled (OWNER and STAFF mark them handled), and the staff
 * directory with who is available now, read-only.
 */
@Controller
@RequestMapping("/messages")
class MessagesController implements DashboardPage {

    private final Tenants tenants;
    private final Directory directory;
    private final Clock clock;

    MessagesController(Tenants tenants, Directory directory, Clock clock) {
        this.tenants = tenants;
        this.directory = directory;
        this.clock = clock;
    }

    /** A message as a row of the list. */
    record Row(String id, String forWhom, String caller, String phone, String text, String status, String at) {}

    @GetMapping
    ModelAndView page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String show,
            @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        return withList(Pages.page("dashboard/messages", user, business), business, show, page)
                .addObject("staff", directory.staff(business.id(), clock.instant()));
    }

    @PostMapping("/{id}/handled")
    ModelAndView handled(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String show,
            @RequestParam(required = false) String page,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        boolean marked = ConversationsController.parse(id)
                .map(message -> directory.markHandled(business.id(), message))
                .orElse(false);
        if (!marked) {
            throw FrontdeskException.notFound("Message");
        }
        if (!Pages.htmx(request)) {
            return new ModelAndView("redirect:/messages");
        }
        return withList(Pages.page("dashboard/messages :: list", user, business), business, show, page)
                .addObject("markedHandled", true);
    }

    private ModelAndView withList(ModelAndView view, Business business, String show, String page) {
        boolean handled = "handled".equals(show);
        var found = directory.messages(business.id(), handled, new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        return view.addObject("handled", handled)
                .addObject(
                        "rows",
                        found.items().stream()
                                .map(m -> new Row(
                                        m.id().toString(),
                                        m.forWhom() == null ? "Owner" : m.forWhom(),
                                        m.callerName() == null ? "A caller" : m.callerName(),
                                        m.callerPhone() == null ? "" : m.callerPhone(),
                                        m.text(),
                                        Views.label(m.status()),
                                        Views.dayAndTime(m.createdAt(), business.timezone())))
                                .toList())
                .addObject("pager", Pager.of(found, "/messages", Map.of("show", handled ? "handled" : "")));
    }
}
