package org.teamfinder.skills.domain.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.model.SkillNotFound;
import org.teamfinder.skills.domain.port.in.SkillCatalog;
import org.teamfinder.skills.domain.port.out.SkillRepository;

/** The catalogue's use cases over any {@link SkillRepository}; free of any framework, so any program can wire it. */
public final class SkillCatalogService implements SkillCatalog {

    private final SkillRepository repository;
    private final Clock clock;

    public SkillCatalogService(SkillRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<Skill> create(SkillContent content) {
        return repository.insert(content, now());
    }

    @Override
    public CompletionStage<Skill> get(long id) {
        return repository.findById(id).thenCompose(found -> orNotFound(found, id));
    }

    @Override
    public CompletionStage<List<Skill>> list(PageRequest page) {
        return repository.list(page);
    }

    @Override
    public CompletionStage<Skill> update(long id, SkillContent content) {
        return repository.replace(id, content, now()).thenCompose(replaced -> orNotFound(replaced, id));
    }

    @Override
    public CompletionStage<Void> delete(long id) {
        return repository.delete(id).thenCompose(deleted -> deleted
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.<Void>failedFuture(new SkillNotFound(id)));
    }

    // PostgreSQL keeps microseconds; truncating here makes what we return equal to what is stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static CompletionStage<Skill> orNotFound(Optional<Skill> skill, long id) {
        return skill.map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new SkillNotFound(id)));
    }
}
