package org.teamfinder.skills.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

/**
 * The layer rules of the hexagon, for any base package laid out as {@code base.domain}, {@code base.persistence}
 * and {@code base.api}. Written once, checked against the real code and against fixtures that break them.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain is plain Java: it uses nothing outside itself and the JDK. */
    static ArchRule domainDependsOnlyOnTheJdk(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".domain..", "java..")
                .because("the domain is pure Java: no framework, no Reactor, no driver");
    }

    /** Not even the JDK's database or HTTP client belong in the domain: those are adapters' work. */
    static ArchRule domainDoesNoIo(String base) {
        return noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..")
                .because("talking to databases and web servers is what adapters are for");
    }

    /** The api module reaches storage only through the domain's ports, never through persistence classes. */
    static ArchRule apiDoesNotUsePersistence(String base) {
        return noClasses().that().resideInAPackage(base + ".api..")
                .should().dependOnClassesThat().resideInAPackage(base + ".persistence..")
                .because("controllers talk to use cases; persistence is wired in at run time only");
    }

    /** Controllers call use cases (inbound ports), not outbound ports or their implementations. */
    static ArchRule controllersCallUseCasesOnly(String base) {
        return noClasses().that().resideInAPackage(base + ".api..").and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".domain.port.out..", base + ".domain.service..")
                .because("a controller asks a use case; it does not reach past it");
    }

    /**
     * The api module has the R2DBC pool on its compile path for operations (readiness probe, closing the
     * pool on shutdown) and JDBC for start-up; the HTTP adapter reaches the database only through the
     * domain's ports.
     */
    static ArchRule httpAdapterDoesNotTouchTheDatabase(String base) {
        return noClasses().that().resideInAPackage(base + ".api.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.r2dbc..", "io.micronaut.data..", "java.sql..")
                .because("requests reach the database through use cases and ports, not around them");
    }

    /** Controllers hand imports to the use cases; fetching and reading pages is the web adapter's work. */
    static ArchRule controllersNeitherFetchNorParsePages(String base) {
        return noClasses().that().resideInAPackage(base + ".api.http..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".api.web..", base + ".api.imports..", "org.jsoup..",
                        "reactor.netty..")
                .because("a request only records an import job; runners do the work through the use cases");
    }

    /** The job runner claims and imports pages through the ImportWork use case, never around it. */
    static ArchRule runnerWorksThroughUseCases(String base) {
        return noClasses().that().resideInAPackage(base + ".api.imports..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".api.web..", base + ".api.http..",
                        base + ".domain.port.out..", base + ".domain.service..", "io.r2dbc..", "io.micronaut.data..", "java.sql..",
                        "org.jsoup..", "reactor.netty..")
                .because("the runner schedules work; fetching, reading and saving belong to the use case and its ports");
    }

    /** Fetchers and extractors in the web adapter are implementations of the domain's outbound ports. */
    static ArchRule webAdaptersImplementDomainPorts(String base) {
        return classes().that().resideInAPackage(base + ".api.web..")
                .and().haveNameMatching(".*(Fetcher|Extractor)$")
                .should().implement(resideInAPackage(base + ".domain.port.out.."))
                .because("the domain decides what fetching and extraction mean; the adapter only provides them");
    }

    /** The web adapter is an outbound adapter: it knows neither controllers, nor runners, nor storage. */
    static ArchRule webAdapterKnowsOnlyTheDomain(String base) {
        return noClasses().that().resideInAPackage(base + ".api.web..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".api.http..", base + ".api.imports..",
                        base + ".domain.service..", "io.r2dbc..", "io.micronaut.data..", "java.sql..")
                .because("adapters depend inward only");
    }

    static ArchRule persistenceDoesNotKnowTheApi(String base) {
        return noClasses().that().resideInAPackage(base + ".persistence..")
                .should().dependOnClassesThat().resideInAPackage(base + ".api..")
                .because("adapters depend inward only");
    }

    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }
}
