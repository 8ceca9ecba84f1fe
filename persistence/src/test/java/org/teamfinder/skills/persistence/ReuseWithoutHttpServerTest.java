package org.teamfinder.skills.persistence;

import static org.teamfinder.skills.testkit.Futures.await;

import org.teamfinder.skills.domain.testing.SkillQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;
import org.teamfinder.skills.domain.skill.service.SkillCatalogService;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/**
 * How another service reuses the catalogue: a Micronaut context with only domain, persistence and
 * migrations on the class path (no HTTP server), configured with the standard r2dbc and flyway properties.
 */
class ReuseWithoutHttpServerTest {

    private static TestDatabase database;
    private static ApplicationContext context;

    @BeforeAll
    static void startContext() {
        database = TestDatabase.create();
        context = ApplicationContext.run(database.micronautProperties());
    }

    @AfterAll
    static void stopContext() {
        context.close();
        database.close();
    }

    @Test
    void noHttpServerIsOnTheClassPath() {
        assertThat(isPresent("io.micronaut.http.server.netty.NettyHttpServer")).isFalse();
    }

    @Test
    void theUseCasesRunOverTheContextsRepository() {
        SkillCatalogService catalog = new SkillCatalogService(context.getBean(SkillRepository.class), Clock.systemUTC());

        Skill created = await(catalog.create(SkillContent.of("Reused", "Libraries", null)));
        Skill updated = await(catalog.update(created.id(), SkillContent.of("Reused well", "Libraries", "via persistence jar"), VersionCheck.none()));

        assertThat(await(catalog.get(created.id()))).isEqualTo(updated);
        assertThat(await(catalog.list(SkillQueries.firstPage().query())).skills()).containsExactly(updated);
        assertThatThrownBy(() -> await(catalog.create(SkillContent.of("REUSED WELL", null, null)))).isInstanceOf(DuplicateSkillName.class);

        await(catalog.delete(created.id(), VersionCheck.none()));
        assertThatThrownBy(() -> await(catalog.get(created.id()))).isInstanceOf(SkillNotFound.class);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

}
