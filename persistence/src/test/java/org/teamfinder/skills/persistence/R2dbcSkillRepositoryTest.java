package org.teamfinder.skills.persistence;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;
import org.teamfinder.skills.domain.testing.SkillRepositoryContract;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** The repository contract, run against PostgreSQL through the R2DBC adapter. */
class R2dbcSkillRepositoryTest extends SkillRepositoryContract {

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

    @Override
    protected SkillRepository emptyRepository() {
        database.truncate();
        return context.getBean(SkillRepository.class);
    }
}
