package org.teamfinder.skills.api.config;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;
import org.teamfinder.skills.domain.skill.service.SkillCatalogService;

/**
 * Wires the framework-free use cases to whichever SkillRepository adapter is on the class path. The one
 * service is seen by each caller through the port it needs (CreateSkills, FindSkills, ChangeSkills, ...).
 */
@Factory
class CatalogFactory {

    @Singleton
    SkillCatalogService skillCatalog(SkillRepository repository, CatalogSettings settings) {
        return new SkillCatalogService(repository, Clock.systemUTC(), settings.retention());
    }
}
