package dev.frontdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Rules of the house that Spring Modulith does not check on its own. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.frontdesk");

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .or()
                .areAnnotatedWith(Repository.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void entitiesAreNotPublic() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Entity")
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void controllersAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void noModuleReachesIntoAnotherModulesSubPackages() {
        List<String> modules = ModularityTests.MODULES.stream()
                .map(ApplicationModule::getBasePackage)
                .map(p -> p.getName())
                .toList();
        for (String module : modules) {
            for (String other : modules) {
                if (module.equals(other) || other.endsWith(".shared")) {
                    continue;
                }
                noClasses()
                        .that()
                        .resideInAPackage(module + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(other + ".*..")
                        .allowEmptyShould(true)
                        .because(module + " may only use " + other + "'s top-level package (its API)")
                        .check(CLASSES);
            }
        }
    }
}
