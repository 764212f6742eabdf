package dev.frontdesk.tenants.internal;

import dev.frontdesk.tenants.BusinessEvents;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.DemoSetup;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On first start: generates the operator key when none is configured and creates the demo business
 * ("Bristol Plumbing") when the database has no business yet, then prints the keys once with the URLs
 * to open. Keys are printed to the console, never logged.
 */
@Component
class FirstRun implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);
    static final String DEMO_NUMBER = "+16175550100";

    private final AdminKeys adminKeys;
    private final BusinessService businesses;
    private final BusinessRepository repository;
    private final TenantsProperties properties;
    private final Environment environment;
    private final PrintStream console;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final List<DemoSetup> demoSetups;

    FirstRun(
            AdminKeys adminKeys,
            BusinessService businesses,
            BusinessRepository repository,
            TenantsProperties properties,
            Environment environment,
            org.springframework.context.ApplicationEventPublisher events,
            List<DemoSetup> demoSetups) {
        this.adminKeys = adminKeys;
        this.businesses = businesses;
        this.repository = repository;
        this.properties = properties;
        this.environment = environment;
        this.console = System.out;
        this.events = events;
        this.demoSetups = List.copyOf(demoSetups);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (adminKeys.configured()) {
            log.info("Admin API enabled with the key from FRONTDESK_ADMIN_KEY");
        }
        Optional<String> generatedAdminKey = adminKeys.generateIfMissing();
        Optional<BusinessService.Created> demo = Optional.empty();
        if (properties.demo() && repository.countAll() == 0) {
            demo = Optional.of(businesses.create(demoBusiness(), Actor.system()));
            log.info(
                    "Created the demo business {}",
                    demo.get().entity().business().id());
            events.publishEvent(new BusinessEvents.DemoBusinessCreated(
                    demo.get().entity().business().id()));
        }
        if (generatedAdminKey.isEmpty() && demo.isEmpty()) {
            return;
        }
        String base = baseUrl();
        List<String> lines = new ArrayList<>();
        lines.add("Frontdesk is ready at " + base);
        generatedAdminKey.ifPresent(key -> {
            lines.add("");
            lines.add("Admin key (X-Admin-Key), shown only now; set FRONTDESK_ADMIN_KEY to choose your own:");
            lines.add("  " + key);
            lines.add("  It is also the password of the operator's sign-in at " + base + "/login (username operator).");
        });
        demo.ifPresent(created -> {
            lines.add("");
            lines.add("Demo business \"" + created.entity().business().name() + "\" (" + DEMO_NUMBER + "), id "
                    + created.entity().business().id());
            lines.add("  API key (X-API-Key), shown only now: " + created.apiKey());
            lines.add("  Widget token, shown only now:        " + created.widgetToken());
            demoSetups.forEach(setup ->
                    lines.addAll(setup.demoBusinessCreated(created.entity().business(), base)));
        });
        lines.add("");
        lines.add("Open " + base + "/docs for the API, " + base + "/actuator/health for health.");
        String rule = "=".repeat(100);
        console.println(rule);
        lines.forEach(console::println);
        console.println(rule);
    }

    private String baseUrl() {
        if (properties.publicBaseUrl() != null && !properties.publicBaseUrl().isBlank()) {
            return properties.publicBaseUrl().replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }

    static BusinessRequest demoBusiness() {
        List<String> weekday = List.of("08:00-17:00");
        return new BusinessRequest(
                "Bristol Plumbing",
                "America/New_York",
                List.of(DEMO_NUMBER),
                "+16175550142",
                "owner@bristolplumbing.example",
                List.of(
                        new BusinessRequest.ServiceRequest(
                                "Emergency call-out",
                                60,
                                "$150 call-out fee",
                                List.of("emergency", "urgent repair", "urgencia", "urgence")),
                        new BusinessRequest.ServiceRequest(
                                "Drain cleaning",
                                60,
                                "from $120",
                                List.of("blocked drain", "clogged drain", "desatasco", "débouchage")),
                        new BusinessRequest.ServiceRequest(
                                "Leak repair",
                                90,
                                "from $95",
                                List.of(
                                        "leak",
                                        "leaking pipe",
                                        "dripping tap",
                                        "fuga",
                                        "reparación de fugas",
                                        "fuite")),
                        new BusinessRequest.ServiceRequest(
                                "Water heater service",
                                120,
                                "from $180",
                                List.of("boiler", "water heater", "no hot water", "calentador", "chauffe-eau")),
                        new BusinessRequest.ServiceRequest(
                                "Free estimate", 30, "free", List.of("quote", "estimate", "presupuesto", "devis"))),
                Map.of(
                        "MONDAY", weekday,
                        "TUESDAY", weekday,
                        "WEDNESDAY", weekday,
                        "THURSDAY", weekday,
                        "FRIDAY", weekday,
                        "SATURDAY", List.of("09:00-13:00")),
                List.of(),
                "Thanks for calling Bristol Plumbing. This is the virtual receptionist, how can I help?",
                "en",
                null,
                BusinessSettings.defaults());
    }
}
