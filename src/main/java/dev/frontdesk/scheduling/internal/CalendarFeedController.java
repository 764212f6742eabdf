package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.ics.Invites;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Each business's schedule as a calendar feed any calendar app can subscribe to, at a secret address.
 * Creating the address again replaces it; the old one stops working.
 */
@RestController
@Tag(name = "Calendar feed", description = "A subscribable ICS feed of the business's appointments")
class CalendarFeedController {

    static final String KIND = "fdc";

    private final JdbcClient jdbc;
    private final AppointmentRepository appointments;
    private final BookingService bookings;
    private final Invites invites;
    private final Clock clock;
    private final String publicBaseUrl;

    CalendarFeedController(
            JdbcClient jdbc,
            AppointmentRepository appointments,
            BookingService bookings,
            Clock clock,
            @Value("${frontdesk.tenants.public-base-url:}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.bookings = bookings;
        this.invites = new Invites(clock);
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Schema(name = "CalendarFeed")
    record FeedResponse(
            @Schema(example = "http://localhost:8080/calendar/feed/fdc_Ab12Cd34_....ics")
            String url,

            @Schema(example = "Anyone with this address can read your schedule.")
            String note) {}

    @PostMapping("/api/calendar-feed")
    @Operation(
            summary = "Create or replace the secret calendar feed address",
            description = "Shown once; subscribe to it in any calendar app. Calling again replaces it.")
    @SecurityRequirement(name = "apiKey")
    @Transactional
    FeedResponse create(@Parameter(hidden = true) @CurrentBusiness BusinessId business) {
        var token = Secrets.issue(KIND);
        jdbc.sql("DELETE FROM scheduling_feed WHERE business_id = :business")
                .param("business", business.value())
                .update();
        jdbc.sql("INSERT INTO scheduling_feed (business_id, token_prefix, token_hash, created_at)"
                        + " VALUES (:business, :prefix, :hash, :now)")
                .param("business", business.value())
                .param("prefix", token.prefix())
                .param("hash", token.hash())
                .param("now", Timestamps.utc(clock.instant()))
                .update();
        String base = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicBaseUrl.replaceAll("/+$", "");
        return new FeedResponse(
                base + "/calendar/feed/" + token.plain() + ".ics",
                "Anyone with this address can read your schedule; create a new one to revoke it.");
    }

    @GetMapping(value = "/calendar/feed/{token}.ics", produces = "text/calendar")
    @Operation(
            summary = "The calendar feed",
            description = "Live appointments from 30 days ago to the booking horizon.")
    @Transactional(readOnly = true)
    ResponseEntity<String> feed(@PathVariable String token) {
        Business business = owner(token)
                .map(bookings::business)
                .filter(Business::isActive)
                .orElseThrow(() -> FrontdeskException.notFound("Calendar feed"));
        Instant now = clock.instant();
        var live = appointments.live(
                business.id(),
                now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(business.settings().scheduling().horizonDays() + 1L)));
        String body = invites.feed(
                business.name(),
                live.stream().map(a -> InviteMailer.invite(a, business)).toList());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header("Cache-Control", "private, max-age=300")
                .body(body);
    }

    private Optional<BusinessId> owner(String token) {
        return Secrets.prefixOf(KIND, token)
                .flatMap(prefix -> jdbc.sql(
                                "SELECT business_id, token_hash FROM scheduling_feed WHERE token_prefix = :p")
                        .param("p", prefix)
                        .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                        .optional())
                .filter(row -> Secrets.matches(token, (String) row[1]))
                .map(row -> new BusinessId((UUID) row[0]));
    }
}
