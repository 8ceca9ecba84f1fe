package org.teamfinder.skills.persistence;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;
import org.teamfinder.skills.domain.testing.ImportJobRepositoryContract;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** Import jobs on PostgreSQL: claiming with leases and SKIP LOCKED, recording pages in one transaction. */
class R2dbcImportJobRepositoryTest extends ImportJobRepositoryContract {

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

    @BeforeEach
    void empty() {
        database.truncate();
    }

    @Override
    protected ImportJobRepository jobs() {
        return context.getBean(ImportJobRepository.class);
    }

    @Override
    protected SkillRepository skills() {
        return context.getBean(SkillRepository.class);
    }
}
