package dev.frontdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries and writes the module documentation under target/spring-modulith-docs. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(FrontdeskApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApis() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
