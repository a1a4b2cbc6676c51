package org.servicestandards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The folders tell the architecture: only http speaks Javalin, only the engine speaks Drools,
 * only the application factory knows the store, and no two packages need each other.
 */
class ArchitectureTest {

    private static final String[] CONCEPTS = {"org.servicestandards.records..", "org.servicestandards.rulesets..",
        "org.servicestandards.history..", "org.servicestandards.customers..", "org.servicestandards.report..",
        "org.servicestandards.notify..", "org.servicestandards.access..", "org.servicestandards.jobs..",
        "org.servicestandards.interaction..", "org.servicestandards.verdict..", "org.servicestandards.calendar.."};

    private static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.servicestandards");
    }

    @Test
    void only_the_http_package_imports_javalin() {
        noClasses().that().resideOutsideOfPackage("org.servicestandards.http..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(main);
    }

    @Test
    void only_the_engine_package_imports_drools() {
        noClasses().that().resideOutsideOfPackage("org.servicestandards.standards..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(main);
    }

    @Test
    void only_the_notify_package_opens_outbound_http_connections_so_every_one_goes_to_a_checked_address() {
        noClasses().that().resideOutsideOfPackage("org.servicestandards.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty.client..", "java.net.http..")
                .check(main);
    }

    @Test
    void only_the_engine_package_parses_java_as_it_verifies_rules() {
        noClasses().that().resideOutsideOfPackage("org.servicestandards.standards..")
                .should().dependOnClassesThat().resideInAPackage("com.github.javaparser..")
                .check(main);
    }

    @Test
    void the_record_knows_nothing_of_rules_storage_or_http() {
        noClasses().that().resideInAPackage("org.servicestandards.interaction..")
                .should().dependOnClassesThat().resideInAnyPackage("org.servicestandards.standards..",
                        "org.servicestandards.store..", "org.servicestandards.http..", "org.servicestandards.app..")
                .check(main);
    }

    @Test
    void the_concepts_know_nothing_of_http_or_jdbc() {
        noClasses().that().resideInAnyPackage(CONCEPTS)
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "java.sql..")
                .check(main);
    }

    @Test
    void no_cycles_between_packages() {
        slices().matching("org.servicestandards.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void only_the_application_factory_imports_the_store() {
        noClasses().that().resideOutsideOfPackages("org.servicestandards.app..", "org.servicestandards.store..")
                .should().dependOnClassesThat().resideInAPackage("org.servicestandards.store..")
                .check(main);
    }

    @Test
    void http_reaches_neither_the_store_nor_the_rule_loader() {
        noClasses().that().resideInAPackage("org.servicestandards.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.servicestandards.store..", "org.servicestandards.standards.load..")
                .check(main);
    }

    @Test
    void the_store_implements_and_decides_nothing_of_http_webhook_delivery_or_the_engine() {
        noClasses().that().resideInAPackage("org.servicestandards.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.servicestandards.http..", "org.servicestandards.app..",
                        "org.servicestandards.standards..")
                .check(main);
    }
}
