package org.teamfinder.skills.domain.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.port.out.SkillRepository;

/** A {@link SkillRepository} in memory, for tests of anything built on the domain. Thread-safe. */
public final class InMemorySkillRepository implements SkillRepository {

    private final Map<Long, Skill> skills = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized CompletionStage<Skill> insert(SkillContent content, Instant now) {
        if (nameTakenByOther(content, null)) {
            return CompletableFuture.failedFuture(new DuplicateSkillName(content.name()));
        }
        Skill skill = new Skill(++lastId, content, now, now, 1);
        skills.put(skill.id(), skill);
        return CompletableFuture.completedFuture(skill);
    }

    @Override
    public synchronized CompletionStage<Optional<Skill>> findById(long id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(skills.get(id)));
    }

    @Override
    public synchronized CompletionStage<List<Skill>> list(PageRequest page) {
        List<Skill> slice = skills.values().stream().skip(page.offset()).limit(page.limit()).toList();
        return CompletableFuture.completedFuture(slice);
    }

    @Override
    public synchronized CompletionStage<Optional<Skill>> replace(long id, SkillContent content, Instant now) {
        Skill current = skills.get(id);
        if (current == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (nameTakenByOther(content, id)) {
            return CompletableFuture.failedFuture(new DuplicateSkillName(content.name()));
        }
        Skill replaced = new Skill(id, content, current.createdAt(), now, current.version() + 1);
        skills.put(id, replaced);
        return CompletableFuture.completedFuture(Optional.of(replaced));
    }

    @Override
    public synchronized CompletionStage<Boolean> delete(long id) {
        return CompletableFuture.completedFuture(skills.remove(id) != null);
    }

    private boolean nameTakenByOther(SkillContent content, Long ownId) {
        return skills.values().stream()
                .anyMatch(skill -> !Long.valueOf(skill.id()).equals(ownId) && skill.content().nameKey().equals(content.nameKey()));
    }
}
