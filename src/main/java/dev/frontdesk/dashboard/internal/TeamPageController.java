package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * {@code /team}: who signs in to the business's dashboard. Everyone reads the list; only the OWNER invites
 * (the user is emailed a link to choose a password, in the sandbox outbox), changes roles, removes users and
 * sends an invitation again (every {@code POST} under {@code /team} needs OWNER, see the security
 * configuration). What cannot be done is explained on the page, never a 500.
 */
@Controller
@RequestMapping("/team")
class TeamPageController implements DashboardPage {

    private final Tenants tenants;
    private final Team team;

    TeamPageController(Tenants tenants, Team team) {
        this.tenants = tenants;
        this.team = team;
    }

    /** A user as the list shows them. */
    record Member(String id, String name, String email, String role, boolean invited, boolean you) {}

    /** The invitation form as typed, with what is wrong by field. */
    record InviteForm(String email, String name, String role, Map<String, String> errors) {

        static InviteForm empty() {
            return new InviteForm("", "", Role.STAFF.name(), Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    @GetMapping
    ModelAndView page(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        var flash = RequestContextUtils.getInputFlashMap(request);
        String done = flash != null && flash.get("done") instanceof String text ? text : null;
        return page(user, InviteForm.empty(), done, null);
    }

    @PostMapping
    ModelAndView invite(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String role,
            RedirectAttributes next) {
        var invited = team.invite(user.businessId(), email, name, role);
        if (invited.user() == null) {
            var view = page(
                    user,
                    new InviteForm(email == null ? "" : email, name == null ? "" : name, role, invited.errors()),
                    null,
                    "Nobody was invited: correct the fields marked below.");
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
        next.addFlashAttribute(
                "done",
                "Invitation emailed to " + invited.user().email() + ": the link in it lets "
                        + invited.user().name() + " choose a password (for 72 hours).");
        return new ModelAndView("redirect:/team");
    }

    @PostMapping("/{id}/role")
    ModelAndView changeRole(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String role,
            RedirectAttributes next) {
        return attempt(user, () -> {
            var changed = team.changeRole(user, parse(id), role);
            next.addFlashAttribute(
                    "done",
                    changed.name() + " is now "
                            + Role.parse(role)
                                    .map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                                    .orElse(role) + ".");
        });
    }

    /** Asks before removing. */
    @GetMapping("/{id}/remove")
    ModelAndView confirmRemove(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        Business business = Pages.business(tenants, user);
        UUID userId = parse(id);
        var member = team.members(business.id()).stream()
                .filter(m -> m.id().equals(userId))
                .findFirst()
                .orElseThrow(() -> new FrontdeskException(
                        HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such user in your team."));
        return Pages.page("dashboard/confirm", user, business)
                .addObject("current", "team")
                .addObject("title", "Remove " + member.name() + "?")
                .addObject(
                        "question",
                        member.name() + " (" + member.email() + ") will no longer be able to sign in to "
                                + business.name() + ". Their invitation links stop working.")
                .addObject("action", "/team/" + userId + "/remove")
                .addObject("button", "Remove " + member.name())
                .addObject("cancel", "/team");
    }

    @PostMapping("/{id}/remove")
    ModelAndView remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, RedirectAttributes next) {
        return attempt(user, () -> {
            var removed = team.remove(user, parse(id));
            next.addFlashAttribute("done", removed.name() + " (" + removed.email() + ") was removed.");
        });
    }

    @PostMapping("/{id}/invitation")
    ModelAndView resend(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, RedirectAttributes next) {
        return attempt(user, () -> {
            var invited = team.resendInvitation(user.businessId(), parse(id));
            next.addFlashAttribute(
                    "done",
                    "A new invitation was emailed to " + invited.email() + "; the earlier link no longer works.");
        });
    }

    /** Runs a change; success goes back to the list, a refusal shows the list with why (and its status). */
    private ModelAndView attempt(SignedInUser user, Runnable change) {
        try {
            change.run();
            return new ModelAndView("redirect:/team");
        } catch (FrontdeskException e) {
            var view = page(user, InviteForm.empty(), null, "Nothing changed: " + e.getMessage());
            view.setStatus(e.status());
            return view;
        }
    }

    private ModelAndView page(SignedInUser user, InviteForm form, String done, String problem) {
        Business business = Pages.business(tenants, user);
        return Pages.page("dashboard/team", user, business)
                .addObject("owner", user.role() == Role.OWNER)
                .addObject(
                        "members",
                        team.members(business.id()).stream()
                                .map(m -> new Member(
                                        m.id().toString(),
                                        m.name(),
                                        m.email(),
                                        m.role().name(),
                                        m.passwordHash() == null,
                                        m.id().equals(user.id())))
                                .toList())
                .addObject("roles", Role.BUSINESS_ROLES.stream().map(Role::name).toList())
                .addObject("form", form)
                .addObject("done", done)
                .addObject("problem", problem);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new FrontdeskException(
                    HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such user in your team.");
        }
    }
}
