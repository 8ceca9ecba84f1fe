package org.teamfinder.skills.domain.testing;

import org.junit.jupiter.api.BeforeEach;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/** The in-memory fake meets the contract the PostgreSQL adapter meets, so tests built on it are believable. */
class InMemoryImportJobRepositoryTest extends ImportJobRepositoryContract {

    private InMemorySkillRepository skills;
    private InMemoryImportJobRepository jobs;

    @BeforeEach
    void empty() {
        skills = new InMemorySkillRepository();
        jobs = new InMemoryImportJobRepository(skills);
    }

    @Override
    protected ImportJobRepository jobs() {
        return jobs;
    }

    @Override
    protected SkillRepository skills() {
        return skills;
    }
}
