package org.teamfinder.skills.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of the hexagon that the compiler cannot hold, for any base package laid out as {@code base.domain.<aggregate>}
 * (with {@code port.in}, {@code port.out} and {@code service}), {@code base.api}, {@code base.persistence} and
 * {@code base.webpages}. The big arrows are compiler facts and need no rule: {@code domain} has no dependency at
 * all, and {@code api} sees {@code persistence} and {@code webpages} only at run time, so no class of api can
 * name one of theirs, and neither adapter depends on api. Written once, checked against the real code and
 * against fixtures that break them.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The JDK's database and HTTP clients are on every class path, the domain's included: they are adapters' work. */
    static ArchRule domainDoesNoIo(String base) {
        return noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..")
                .because("talking to databases and web servers is what adapters are for");
    }

    /** Imports use the skill aggregate (they create skills); the skill aggregate knows nothing of imports. */
    static ArchRule skillsDoNotKnowImports(String base) {
        return noClasses().that().resideInAPackage(base + ".domain.skill..")
                .should().dependOnClassesThat().resideInAPackage(base + ".domain.imports..")
                .because("the catalogue stands on its own; imports are one way of filling it");
    }

    /** Controllers call use cases (inbound ports), not outbound ports or the services behind the use cases. */
    static ArchRule controllersCallUseCasesOnly(String base) {
        return noClasses().that().resideInAPackage(base + ".api..").and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".domain.*.port.out..", base + ".domain.*.service..")
                .because("a controller asks a use case; it does not reach past it");
    }

    /** JDBC is in the JDK, so the compiler cannot keep it out of the application module; it belongs to persistence. */
    static ArchRule apiDoesNotUseJdbc(String base) {
        return noClasses().that().resideInAPackage(base + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("requests reach the database through use cases and ports; start-up's database work is persistence's");
    }

    /** The job runner claims and imports pages through the ImportWork use case, never around it. */
    static ArchRule runnerWorksThroughUseCases(String base) {
        return noClasses().that().resideInAPackage(base + ".api.imports..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".api.http..", base + ".domain.*.port.out..",
                        base + ".domain.*.service..")
                .because("the runner schedules work; fetching, reading and saving belong to the use case and its ports");
    }

    /** Fetchers and extractors are implementations of the domain's outbound ports. */
    static ArchRule webAdaptersImplementDomainPorts(String base) {
        return classes().that().resideInAPackage(base + ".webpages..")
                .and().haveNameMatching(".*(Fetcher|Extractor)$").and().areNotInterfaces()
                .should().implement(resideInAPackage(base + ".domain.*.port.out.."))
                .because("the domain decides what fetching and extraction mean; the adapter only provides them");
    }

    /** Repositories in persistence are implementations of the domain's outbound ports. */
    static ArchRule repositoriesImplementDomainPorts(String base) {
        return classes().that().resideInAPackage(base + ".persistence..")
                .and().haveSimpleNameEndingWith("Repository").and().areNotInterfaces()
                .should().implement(resideInAPackage(base + ".domain.*.port.out.."))
                .because("the domain decides what storing means; the adapter only provides it");
    }

    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }
}
