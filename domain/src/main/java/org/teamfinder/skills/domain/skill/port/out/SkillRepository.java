package org.teamfinder.skills.domain.skill.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.teamfinder.skills.domain.skill.CategoryCount;
import org.teamfinder.skills.domain.skill.Creation;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.DuplicateSkillNames;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.IdempotencyKeyReused;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillPage;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.StaleSkillVersion;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.VocabularyTally;
import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.UnknownSkills;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.Suggestion;
import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.SkillMerged;
import org.teamfinder.skills.domain.skill.VersionCheck;

/**
 * Where skills are kept. Every method is asynchronous: it returns at once and completes the stage later,
 * never blocking the caller's thread. Names are unique ignoring case; a write that would break that
 * completes exceptionally with {@link DuplicateSkillName}, also when two writers race for one name.
 */
public interface SkillRepository {

    /** Stores a new skill with a fresh id, version 1, and {@code now} as both timestamps. */
    CompletionStage<Skill> insert(SkillContent content, Instant now);

    /**
     * Stores a new skill as {@link #insert} does, at most once per key: if the key was already used since
     * {@code keysKeptSince} with the same content, nothing is stored and the skill first created is
     * returned as it was then ({@link Creation#replayed()}); with other content, fails with
     * {@link IdempotencyKeyReused}. Two racing calls with one key store one skill.
     */
    CompletionStage<Creation> insertOnce(IdempotencyKey key, SkillContent content, Instant now, Instant keysKeptSince);

    /**
     * Stores all the skills, in order, or none of them: fails with {@link DuplicateSkillNames} naming every
     * one whose name is taken by a stored skill. The contents' names are distinct from each other.
     */
    CompletionStage<List<Skill>> insertAll(List<SkillContent> contents, Instant now);

    CompletionStage<Optional<Skill>> findById(long id);

    /** The page of skills the query asks for, with the position of the next page if more skills match. */
    CompletionStage<SkillPage> find(SkillQuery query);

    /** Every category in use, in alphabetical order, with its number of skills. */
    CompletionStage<List<CategoryCount>> categories();

    /**
     * Replaces the content of a skill, sets its update time to {@code now} and adds one to its version, if
     * its current version passes {@code check} (else fails with {@link StaleSkillVersion}); empty when no
     * skill has that id. Check and write are one atomic step.
     */
    CompletionStage<Optional<Skill>> replace(long id, SkillContent content, Instant now, VersionCheck check);

    /**
     * Changes a skill in one step that no other writer can interleave with: reads it (holding it against
     * concurrent writers), fails with {@link StaleSkillVersion} if its version does not pass {@code check},
     * asks {@code change} for its new content, and stores that as {@link #replace} does, unless it equals
     * the current content (then nothing is written and the skill is returned as it is). A failure thrown by
     * {@code change} leaves the skill untouched and completes the stage with it. Empty when no skill has
     * that id.
     */
    CompletionStage<Optional<Skill>> modify(long id, VersionCheck check, Function<Skill, SkillContent> change, Instant now);

    /**
     * Removes a skill if its current version passes {@code check} (else fails with
     * {@link StaleSkillVersion}); {@code false} when no skill had that id.
     */
    CompletionStage<Boolean> delete(long id, VersionCheck check);

    /** Forgets idempotency keys first used before {@code cutoff}; returns how many. */
    CompletionStage<Long> forgetIdempotencyKeysBefore(Instant cutoff);

    /** The skill that has this name or alias, ignoring case ({@code key} is {@link SkillContent#keyOf}). */
    CompletionStage<Optional<Skill>> findByName(String key);

    /** Where a merged skill's id leads now: the skill that holds its names, at the end of any chain of merges. */
    CompletionStage<Optional<Long>> findMergeTarget(long id);

    /** The typeahead's hits for the query, best first, one per skill (see SuggestSkills). */
    CompletionStage<List<Suggestion>> suggest(SuggestQuery query);

    /**
     * In one step that no other writer can interleave with: checks both skills' versions (else
     * {@link StaleSkillVersion}), removes the source, gives the target the source's name and aliases as
     * aliases and its popularity, records the merge (the source's id then leads to the target), adds one to
     * the target's version and sets its update time to {@code now}. Fails with {@link SkillNotFound} or
     * {@link SkillMerged} for either skill.
     */
    CompletionStage<Skill> merge(long source, VersionCheck sourceCheck, long target, VersionCheck targetCheck, Instant now);

    /** Adds each use's count to its skill's popularity, all or none; fails with {@link UnknownSkills} naming each unknown one. */
    CompletionStage<Void> addUses(List<SkillUse> uses);

    /** Loads vocabulary entries as {@link org.teamfinder.skills.domain.skill.port.in.LoadVocabulary} describes, in one transaction. */
    CompletionStage<VocabularyTally> loadVocabulary(List<VocabularyEntry> entries, Instant now);
}
