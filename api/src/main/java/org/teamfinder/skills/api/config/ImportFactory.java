package org.teamfinder.skills.api.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.teamfinder.skills.api.imports.ImportRunner;
import org.teamfinder.skills.api.imports.ImportRunnerSettings;
import org.teamfinder.skills.domain.imports.port.in.ImportWork;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.imports.port.out.KnownSkillNames;
import org.teamfinder.skills.domain.imports.port.out.SkillExtractor;
import org.teamfinder.skills.domain.imports.port.out.WebPageFetcher;
import org.teamfinder.skills.domain.imports.service.SkillImportService;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/**
 * Wires web-page imports: the use cases over whichever job store, fetcher and extractor adapters are on the
 * class path, and this instance's runner.
 */
@Factory
class ImportFactory {

    @Singleton
    SkillImportService skillImports(ImportJobRepository jobs, WebPageFetcher fetcher, SkillExtractor extractor, KnownSkillNames known,
                                    SkillRepository skills) {
        return new SkillImportService(jobs, fetcher, extractor, known, skills, Clock.systemUTC());
    }

    @Singleton
    @Requires(property = "skills.imports.runner-enabled", notEquals = "false")
    @Bean(preDestroy = "close")
    ImportRunner importRunner(ImportWork work, ImportRunnerSettings settings, MeterRegistry meters) {
        return new ImportRunner(work, settings, meters);
    }
}
