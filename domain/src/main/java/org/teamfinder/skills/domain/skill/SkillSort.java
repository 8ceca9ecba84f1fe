package org.teamfinder.skills.domain.skill;

/** What a listing is ordered by. Every order is total: ties on the creation time are broken by id. */
public enum SkillSort {
    /** By id, which is the order skills were created in. */
    ID,
    /** By name, ignoring case, in Unicode's language-neutral collation order. */
    NAME,
    /** By creation time, then id. */
    CREATED_AT,
    /** By popularity (how often the skill is used), then id; a skill whose popularity grows while a client pages may move. */
    POPULARITY
}
