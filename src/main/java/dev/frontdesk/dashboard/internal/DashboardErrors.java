package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of the dashboard's pages render as a page (or, for htmx, the same small page as a fragment)
 * with a plain explanation; never a stack trace. The JSON API keeps its problem details.
 */
@ControllerAdvice(assignableTypes = DashboardPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(FrontdeskException.class)
    ModelAndView known(FrontdeskException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("A dashboard page failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again.");
    }

    private static ModelAndView error(HttpStatus status, String detail) {
        var view = new ModelAndView("dashboard/error")
                .addObject("status", status.value())
                .addObject("title", status.getReasonPhrase())
                .addObject("detail", detail);
        view.setStatus(status);
        return view;
    }
}
