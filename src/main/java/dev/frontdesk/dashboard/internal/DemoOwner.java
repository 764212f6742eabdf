package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.DemoSetup;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/** On first start, an owner login for the demo business, printed once with its keys (never logged). */
@Component
class DemoOwner implements DemoSetup {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;

    DemoOwner(Users users) {
        this.users = users;
    }

    @Override
    public List<String> demoBusinessCreated(Business demo, String baseUrl) {
        String password = password();
        String email = demo.ownerEmail() == null || demo.ownerEmail().isBlank()
                ? "owner@frontdesk.example"
                : demo.ownerEmail();
        var owner = users.create(demo.id(), new Users.NewUser(email, "Demo owner", Role.OWNER.name(), password));
        return List.of(
                "  Dashboard sign-in at " + baseUrl + "/login, shown only now:",
                "    email " + owner.email() + "   password " + password);
    }

    /** 18 random bytes as URL-safe Base64: 24 characters, easy to copy, well under bcrypt's 72 bytes. */
    private static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
