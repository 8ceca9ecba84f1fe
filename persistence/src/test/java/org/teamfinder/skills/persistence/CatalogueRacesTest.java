package org.teamfinder.skills.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/**
 * Writers racing on PostgreSQL for the same names and skills: whichever wins, the catalogue stays whole (every
 * name and alias in the namespace exactly once, held by the skill that has it) and the loser is told why.
 */
class CatalogueRacesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static TestDatabase database;
    private static ApplicationContext context;
    private static SkillRepository skills;

    @BeforeAll
    static void startContext() {
        database = TestDatabase.create();
        context = ApplicationContext.run(database.micronautProperties());
        skills = context.getBean(SkillRepository.class);
    }

    @AfterAll
    static void stopContext() {
        context.close();
        database.close();
    }

    @BeforeEach
    void empty() {
        database.truncate();
    }

    @RepeatedTest(10)
    void anAliasAndASkillOfTheSameNameRacingGiveTheNameToOneOfThem() throws SQLException {
        Skill rustLang = skills.insert(SkillContent.of("Rust language", null, null), NOW).toCompletableFuture().join();

        CompletableFuture<Optional<Skill>> alias = skills.replace(rustLang.id(), content("Rust language", "rust"), NOW, VersionCheck.none())
                .toCompletableFuture();
        CompletableFuture<Skill> skill = skills.insert(SkillContent.of("Rust", null, null), NOW).toCompletableFuture();

        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<?> write : List.of(alias, skill)) {
            try {
                write.join();
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).hasSize(1).allSatisfy(failure -> assertThat(failure).isInstanceOfSatisfying(DuplicateSkillName.class,
                taken -> assertThat(taken.holder()).isPresent()));
        assertThat(holdersOf("rust")).hasSize(1);
        assertNamespaceIsWhole();
    }

    @RepeatedTest(10)
    void aMergeRacingAChangeOfEitherSkillIsAllOrNothing() throws SQLException {
        Skill source = skills.insert(content("JS", "Vanilla JS"), NOW).toCompletableFuture().join();
        Skill target = skills.insert(content("JavaScript", "ECMAScript"), NOW).toCompletableFuture().join();

        CompletableFuture<Skill> merge = skills.merge(source.id(), VersionCheck.none(), target.id(), VersionCheck.none(), NOW).toCompletableFuture();
        CompletableFuture<Optional<Skill>> sourceChange = skills.replace(source.id(), content("JS", "Vanilla JS", "ES5"), NOW,
                VersionCheck.exactly(1)).toCompletableFuture();
        CompletableFuture<Optional<Skill>> targetChange = skills.replace(target.id(), content("JavaScript", "ECMAScript", "ES2024"), NOW,
                VersionCheck.exactly(1)).toCompletableFuture();

        Skill merged = merge.join();
        Optional<Skill> sourceAfter = joinQuietly(sourceChange);
        joinQuietly(targetChange);

        Skill stored = skills.findById(target.id()).toCompletableFuture().join().orElseThrow();
        assertThat(skills.findById(source.id()).toCompletableFuture().join()).isEmpty();
        // The source's change either landed before the merge (its new alias moved over) or found it gone.
        assertThat(stored.aliases()).contains("JS", "Vanilla JS", "ECMAScript");
        assertThat(stored.aliases().contains("ES5")).isEqualTo(sourceAfter.isPresent());
        assertThat(stored.version()).isGreaterThanOrEqualTo(merged.version());
        assertNamespaceIsWhole();
    }

    private static <T> Optional<T> joinQuietly(CompletableFuture<Optional<T>> write) {
        try {
            return write.join();
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }

    private static SkillContent content(String name, String... aliases) {
        return new SkillContent(name, Optional.empty(), Optional.empty(), List.of(aliases));
    }

    private static List<Long> holdersOf(String key) throws SQLException {
        List<Long> holders = new ArrayList<>();
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT skill_id FROM skill_name WHERE name_key = '" + key + "'")) {
            while (rows.next()) {
                holders.add(rows.getLong(1));
            }
        }
        return holders;
    }

    /** Every skill's name and aliases are in the namespace, held by it, and the namespace holds nothing else. */
    private static void assertNamespaceIsWhole() throws SQLException {
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery("""
                SELECT (SELECT count(*) FROM skill s, unnest(ARRAY[s.name::text] || s.aliases) AS n(name)
                         WHERE NOT EXISTS (SELECT 1 FROM skill_name k WHERE k.name_key = lower(n.name COLLATE "und-x-icu") COLLATE "C"
                                                                         AND k.skill_id = s.id)) AS missing,
                       (SELECT count(*) FROM skill_name) - (SELECT sum(1 + cardinality(aliases)) FROM skill) AS extra""")) {
            rows.next();
            assertThat(rows.getLong("missing")).as("names and aliases missing from the namespace").isZero();
            assertThat(rows.getLong("extra")).as("namespace rows no skill has").isZero();
        }
    }
}
