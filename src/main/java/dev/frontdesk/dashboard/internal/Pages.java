package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** What every dashboard page needs: the signed-in user's business and the model the layout reads. */
final class Pages {

    private Pages() {}

    /** The signed-in user's business: the only business a page or fragment ever shows or changes. */
    static Business business(Tenants tenants, SignedInUser user) {
        return tenants.find(user.businessId())
                .orElseThrow(() -> new FrontdeskException(
                        HttpStatus.FORBIDDEN, "no-business", "No business", "This login's business no longer exists"));
    }

    static ModelAndView page(String view, SignedInUser user, Business business) {
        return new ModelAndView(view)
                .addObject("businessName", business.name())
                .addObject("timezone", business.timezone().getId())
                .addObject("userName", user.name())
                .addObject("role", user.role().name())
                .addObject("canChange", user.role().canChange());
    }

    static boolean htmx(jakarta.servlet.http.HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
