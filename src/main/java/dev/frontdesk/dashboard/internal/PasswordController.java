package dev.frontdesk.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Choosing a password from an emailed link (an invitation or a reset), and asking for a reset link. */
@Controller
class PasswordController implements DashboardPage {

    private final PasswordLinks links;
    private final PublicUrl publicUrl;
    private final ResetLimits limits;

    PasswordController(PasswordLinks links, PublicUrl publicUrl, ResetLimits limits) {
        this.links = links;
        this.publicUrl = publicUrl;
        this.limits = limits;
    }

    @GetMapping("/password/{token}")
    ModelAndView choose(@PathVariable String token) {
        return links.userOf(token)
                .map(user -> new ModelAndView("dashboard/choose-password")
                        .addObject("email", user.email())
                        .addObject("token", token))
                .orElseGet(PasswordController::expired);
    }

    @PostMapping("/password/{token}")
    ModelAndView chosen(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation) {
        var user = links.userOf(token);
        if (user.isEmpty()) {
            return expired();
        }
        var problem = Users.passwordProblem(password)
                .map(p -> "The password " + p + ".")
                .or(() -> password.equals(confirmation)
                        ? java.util.Optional.empty()
                        : java.util.Optional.of("The two passwords are not the same."));
        if (problem.isPresent()) {
            var view = new ModelAndView("dashboard/choose-password")
                    .addObject("email", user.get().email())
                    .addObject("token", token)
                    .addObject("problem", problem.get());
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return view;
        }
        return links.choosePassword(token, password) ? new ModelAndView("redirect:/login?passwordSet") : expired();
    }

    @GetMapping("/password-reset")
    String resetForm() {
        return "dashboard/password-reset";
    }

    /**
     * Emails a reset link unless the client address or the email asked too often; the answer is the same
     * either way (and whether or not the email is a login), so it tells nobody who has a login.
     */
    @PostMapping("/password-reset")
    ModelAndView reset(@RequestParam(required = false) String email, HttpServletRequest request) {
        if (limits.take(email, request.getRemoteAddr())) {
            links.requestReset(email, publicUrl.base());
        }
        return new ModelAndView("dashboard/password-reset").addObject("sent", true);
    }

    private static ModelAndView expired() {
        var view = new ModelAndView("dashboard/link-expired");
        view.setStatus(HttpStatus.NOT_FOUND);
        return view;
    }
}
