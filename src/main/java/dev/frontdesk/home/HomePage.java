package dev.frontdesk.home;

import org.springframework.http.ResponseEntity;

/** The public home page, for the dashboard to show at {@code /} to visitors who are not signed in. */
public interface HomePage {

    /** The whole response: HTML with its own Content-Security-Policy and caching headers. */
    ResponseEntity<String> home();
}
