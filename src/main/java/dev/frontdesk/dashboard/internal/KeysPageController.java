package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessEditor;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The business's API key and widget token (OWNER only): their public prefixes, rotating either (the new
 * value is on the page shown right after, and never again: only its hash is kept), and the widget snippet to
 * paste into a website.
 */
@Controller
@RequestMapping("/settings/keys")
class KeysPageController implements DashboardPage {

    private final Tenants tenants;
    private final BusinessEditor editor;
    private final PublicUrl publicUrl;

    KeysPageController(Tenants tenants, BusinessEditor editor, PublicUrl publicUrl) {
        this.tenants = tenants;
        this.editor = editor;
        this.publicUrl = publicUrl;
    }

    /** A key or token just issued, shown on this page only. */
    record Fresh(String what, String value) {}

    /** The page; right after a rotation, with the new value (a flash attribute: it is read once, then gone). */
    @GetMapping
    ModelAndView page(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        // only from the flash map, never from request parameters (a link must not make up a "new key")
        var flash = RequestContextUtils.getInputFlashMap(request);
        if (flash == null || !(flash.get("fresh") instanceof Fresh fresh)) {
            return page(user, business, null, null);
        }
        return page(user, business, fresh, "widget token".equals(fresh.what()) ? fresh.value() : null);
    }

    /**
     * Post, redirect, get: the new value rides in the session's flash map to the next page only, so a reload
     * neither shows it again nor rotates again.
     */
    @PostMapping("/api-key")
    String rotateApiKey(@AuthenticationPrincipal SignedInUser user, RedirectAttributes next) {
        Business business = Pages.business(tenants, user);
        var issued = editor.rotateApiKey(business.id(), user.id().toString());
        next.addFlashAttribute("fresh", new Fresh("API key", issued.value()));
        return "redirect:/settings/keys";
    }

    @PostMapping("/widget-token")
    String rotateWidgetToken(@AuthenticationPrincipal SignedInUser user, RedirectAttributes next) {
        Business business = Pages.business(tenants, user);
        var issued = editor.rotateWidgetToken(business.id(), user.id().toString());
        next.addFlashAttribute("fresh", new Fresh("widget token", issued.value()));
        return "redirect:/settings/keys";
    }

    private ModelAndView page(SignedInUser user, Business business, Fresh fresh, String widgetToken) {
        var prefixes = editor.keyPrefixes(business.id());
        String token = widgetToken != null ? widgetToken : prefixes.widgetToken() + "_…";
        String base = publicUrl.base();
        return Pages.page("dashboard/keys", user, business)
                .addObject("owner", true)
                .addObject("prefixes", prefixes)
                .addObject("fresh", fresh)
                .addObject("tokenShown", widgetToken != null)
                .addObject(
                        "snippet",
                        "<script src=\"" + base + "/widget/embed.js\" data-token=\"" + token + "\" async></script>")
                .addObject("chatUrl", base + "/widget/chat?token=" + token)
                .addObject("origins", business.settings().messaging().widgetAllowedOrigins());
    }
}
