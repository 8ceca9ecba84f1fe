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

    // The modules' test jars (test kits, fixtures) are on this class path too; only production code counts.
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(BASE);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURES);

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("the domain does no IO", ArchitectureRules::domainDoesNoIo, "LeakyImportService"),
                rule("skills do not know imports", ArchitectureRules::skillsDoNotKnowImports, "FixtureSkill"),
                rule("controllers call use cases only", ArchitectureRules::controllersCallUseCasesOnly, "PortReachingController"),
                rule("the api does not use JDBC", ArchitectureRules::apiDoesNotUseJdbc, "JdbcQueryingController"),
                rule("the import runner works through use cases", ArchitectureRules::runnerWorksThroughUseCases,
                        "RunnerWithItsOwnService"),
                rule("web adapters implement domain ports", ArchitectureRules::webAdaptersImplementDomainPorts, "FreelanceFetcher"),
                rule("repositories implement domain ports", ArchitectureRules::repositoriesImplementDomainPorts, "LooseRepository"),
                rule("no package cycles", ArchitectureRules::noPackageCycles, "LooseRepository"));
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
                .anyMatch(name -> name.startsWith(BASE + ".api"))
                .anyMatch(name -> name.startsWith(BASE + ".webpages"));
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
