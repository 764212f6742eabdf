package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.Tenants;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** {@code /campaigns}: says that outbound campaigns are not available yet (the navigation has no dead end). */
@Controller
class CampaignsController implements DashboardPage {

    private final Tenants tenants;

    CampaignsController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/campaigns")
    ModelAndView campaigns(@AuthenticationPrincipal SignedInUser user) {
        return Pages.page("dashboard/campaigns", user, Pages.business(tenants, user));
    }
}
