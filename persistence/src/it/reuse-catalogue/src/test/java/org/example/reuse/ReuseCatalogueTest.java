package org.example.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.concurrent.CompletionException;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;
import org.teamfinder.skills.domain.skill.service.SkillCatalogService;

/**
 * A service of its own that only depends on skills-persistence and skills-migrations: its database comes
 * from the same variables as the skills service's (here DB_NAME, set by the build), is created when
 * missing and migrated at start-up, and the catalogue's use cases run over it.
 */
class ReuseCatalogueTest {

    private static final String DATABASE = System.getenv("DB_NAME");

    @Test
    void aFreshDatabaseIsMigratedAndTheCatalogueWorksOverIt() {
        try (ApplicationContext context = ApplicationContext.run()) {
            SkillCatalogService catalogue = new SkillCatalogService(context.getBean(SkillRepository.class), Clock.systemUTC());

            Skill created = catalogue.create(SkillContent.of("Reused", "Libraries", null)).toCompletableFuture().join();

            assertEquals(created, catalogue.get(created.id()).toCompletableFuture().join());
            CompletionException duplicate = assertThrows(CompletionException.class,
                    () -> catalogue.create(SkillContent.of("REUSED", null, null)).toCompletableFuture().join());
            assertEquals(DuplicateSkillName.class, duplicate.getCause().getClass());
        }
    }

    @AfterAll
    static void dropTheDatabase() throws Exception {
        String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DB_PORT", "5432");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                System.getenv().getOrDefault("DB_USER", "postgres"), System.getenv().getOrDefault("DB_PASS", ""))) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS \"" + DATABASE + "\" WITH (FORCE)");
        }
    }
}
