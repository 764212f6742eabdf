package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessEditor;
import dev.frontdesk.tenants.Tenants;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The business's API key and widget token (OWNER only): their public prefixes, rotating either (the new
 * value is in that one answer and never again: only its hash is kept), and the widget snippet to paste into
 * a website.
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

    @GetMapping
    ModelAndView page(@AuthenticationPrincipal SignedInUser user) {
        return page(user, Pages.business(tenants, user), null, null);
    }

    @PostMapping("/api-key")
    ModelAndView rotateApiKey(@AuthenticationPrincipal SignedInUser user) {
        Business business = Pages.business(tenants, user);
        var issued = editor.rotateApiKey(business.id(), user.id().toString());
        return page(user, business, new Fresh("API key", issued.value()), null);
    }

    @PostMapping("/widget-token")
    ModelAndView rotateWidgetToken(@AuthenticationPrincipal SignedInUser user) {
        Business business = Pages.business(tenants, user);
        var issued = editor.rotateWidgetToken(business.id(), user.id().toString());
        return page(user, business, new Fresh("widget token", issued.value()), issued.value());
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
