package org.teamfinder.skills.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.SkillQuery;
import org.teamfinder.skills.domain.model.VersionCheck;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.model.SkillNotFound;
import org.teamfinder.skills.domain.port.in.SkillCatalog;
import org.teamfinder.skills.domain.port.out.SkillRepository;
import org.teamfinder.skills.domain.service.SkillCatalogService;
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
        SkillCatalog catalog = new SkillCatalogService(context.getBean(SkillRepository.class), Clock.systemUTC());

        Skill created = await(catalog.create(SkillContent.of("Reused", "Libraries", null)));
        Skill updated = await(catalog.update(created.id(), SkillContent.of("Reused well", "Libraries", "via persistence jar"), VersionCheck.none()));

        assertThat(await(catalog.get(created.id()))).isEqualTo(updated);
        assertThat(await(catalog.list(SkillQuery.firstPage())).skills()).containsExactly(updated);
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

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
