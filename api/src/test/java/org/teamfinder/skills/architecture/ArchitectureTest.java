package org.teamfinder.skills.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The hexagon's rules hold for the real code, and each rule is shown to catch a fixture that breaks it, so
 * a rule that matches nothing (a renamed package) cannot pass unnoticed.
 */
class ArchitectureTest {

    private static final String BASE = "org.teamfinder.skills";
    private static final String FIXTURES = "org.teamfinder.skills.archfixture";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURES);

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("domain depends only on the JDK", ArchitectureRules::domainDependsOnlyOnTheJdk, "ReactiveDomainService"),
                rule("domain does no IO", ArchitectureRules::domainDoesNoIo, "LeakyDomainService"),
                rule("api does not use persistence", ArchitectureRules::apiDoesNotUsePersistence, "RowReadingController"),
                rule("controllers call use cases only", ArchitectureRules::controllersCallUseCasesOnly, "PortReachingController"),
                rule("the HTTP adapter does not touch the database", ArchitectureRules::httpAdapterDoesNotTouchTheDatabase,
                        "DriverQueryingController"),
                rule("controllers neither fetch nor parse pages", ArchitectureRules::controllersNeitherFetchNorParsePages,
                        "PageFetchingController"),
                rule("the import runner works through use cases", ArchitectureRules::runnerWorksThroughUseCases,
                        "RunnerWithItsOwnFetcher"),
                rule("web adapters implement domain ports", ArchitectureRules::webAdaptersImplementDomainPorts, "FreelanceFetcher"),
                rule("the web adapter knows only the domain", ArchitectureRules::webAdapterKnowsOnlyTheDomain, "FreelanceFetcher"),
                rule("persistence does not know the api", ArchitectureRules::persistenceDoesNotKnowTheApi, "ApiAwareAdapter"),
                rule("no package cycles", ArchitectureRules::noPackageCycles, "ApiAwareAdapter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holdsForTheProductionCode(String name, Function<String, ArchRule> rule, String fixture) {
        rule.apply(BASE).check(PRODUCTION);
    }

    @ParameterizedTest(name = "{0} catches {2}")
    @MethodSource("rules")
    void catchesAFixtureThatBreaksIt(String name, Function<String, ArchRule> rule, String fixture) {
        EvaluationResult result = rule.apply(FIXTURES).evaluate(BROKEN);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(fixture));
    }

    @Test
    void productionCodeCoversEveryLayer() {
        assertThat(PRODUCTION.stream().map(javaClass -> javaClass.getPackageName()))
                .anyMatch(name -> name.startsWith(BASE + ".domain"))
                .anyMatch(name -> name.startsWith(BASE + ".persistence"))
                .anyMatch(name -> name.startsWith(BASE + ".api"));
    }

    @Test
    void controllersAreNamedAndPlacedAsControllers() {
        classes().that().areAnnotatedWith(Controller.class)
                .should().haveSimpleNameEndingWith("Controller").andShould().resideInAPackage(BASE + ".api.http..")
                .check(PRODUCTION);
    }

    private static Arguments rule(String name, Function<String, ArchRule> rule, String fixture) {
        return Arguments.of(name, rule, fixture);
    }
}
