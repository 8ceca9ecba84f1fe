package org.teamfinder.skills.api.config;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.port.in.SkillCatalog;
import org.teamfinder.skills.domain.port.out.SkillRepository;
import org.teamfinder.skills.domain.service.SkillCatalogService;

/** Wires the framework-free use cases to whichever SkillRepository adapter is on the class path. */
@Factory
class CatalogFactory {

    @Singleton
    SkillCatalog skillCatalog(SkillRepository repository, @Value("${skills.idempotency.retention:24h}") Duration idempotencyRetention) {
        return new SkillCatalogService(repository, Clock.systemUTC(), idempotencyRetention);
    }
}
