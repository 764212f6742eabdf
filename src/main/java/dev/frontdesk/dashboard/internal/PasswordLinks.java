package dev.frontdesk.dashboard.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emailed one-time links to choose a password: the invitation of a user added without one, and a
 * password reset. The email goes through the messaging module (the sandbox outbox by default); the link's
 * secret is stored only as a hash and works once.
 */
@Service
class PasswordLinks {

    static final Duration INVITE_VALID = Duration.ofHours(72);
    static final Duration RESET_VALID = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(PasswordLinks.class);

    private final LinkRepository links;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Messages messages;
    private final Tenants tenants;
    private final Clock clock;
    private final Properties mail;

    PasswordLinks(
            LinkRepository links,
            UserRepository users,
            PasswordEncoder passwords,
            Messages messages,
            Tenants tenants,
            Clock clock) {
        this.links = links;
        this.users = users;
        this.passwords = passwords;
        this.messages = messages;
        this.tenants = tenants;
        this.clock = clock;
        this.mail = load("dashboard/mail.properties");
    }

    /** Emails a user added without a password the link to choose one. */
    void invite(UserAccount user, String baseUrl) {
        send(user, "INVITE", INVITE_VALID, baseUrl);
    }

    /**
     * Emails a password reset link when the email is a login of an active business; says nothing either
     * way, so the answer does not tell who has a login.
     */
    void requestReset(String email, String baseUrl) {
        users.byEmail(Users.normalizeEmail(email))
                .filter(user ->
                        tenants.find(user.businessId()).map(Business::isActive).orElse(false))
                .ifPresent(user -> send(user, "RESET", RESET_VALID, baseUrl));
    }

    /** The login a link is for, while the link can still be used. */
    Optional<UserAccount> userOf(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        return links.usable(Secrets.sha256(token), clock.instant())
                .flatMap(link -> users.byId(link.businessId(), link.userId()));
    }

    /**
     * Sets the password of the link's user and uses the link up (it also opens a locked login).
     *
     * @return false when the link has expired or was used
     */
    @Transactional
    boolean choosePassword(String token, String password) {
        var user = userOf(token);
        if (user.isEmpty() || !links.use(Secrets.sha256(token), clock.instant())) {
            return false;
        }
        users.setPassword(user.get().businessId(), user.get().id(), passwords.encode(password));
        return true;
    }

    private void send(UserAccount user, String purpose, Duration valid, String baseUrl) {
        Instant now = clock.instant();
        var token = Secrets.issue("fdl");
        links.insert(token.hash(), user, purpose, now.plus(valid), now);
        String business = tenants.find(user.businessId()).map(Business::name).orElse("your business");
        Object[] values = {user.name(), business, baseUrl + "/password/" + token.plain(), valid.toHours()};
        var delivery = messages.sendEmail(
                user.businessId(),
                new Messages.Email(
                        user.email(),
                        user.name(),
                        MessageFormat.format(mail.getProperty(purpose + ".subject"), values),
                        MessageFormat.format(mail.getProperty(purpose + ".text"), values),
                        List.of()));
        log.info("Password link ({}) for dashboard user {}: {}", purpose, user.id(), delivery);
    }

    private static Properties load(String path) {
        var properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
        return properties;
    }
}
