package org.teamfinder.skills.domain.testing;

import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

class InMemorySkillRepositoryTest extends SkillRepositoryContract {

    @Override
    protected SkillRepository emptyRepository() {
        return new InMemorySkillRepository();
    }
}
