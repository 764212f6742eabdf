package dev.frontdesk.dashboard.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page (Spring Security handles its POST) and the page shown when a role may not do something. */
@Controller
class LoginController implements DashboardPage {

    @GetMapping("/login")
    String login() {
        return "dashboard/login";
    }

    @RequestMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "dashboard/forbidden";
    }
}
