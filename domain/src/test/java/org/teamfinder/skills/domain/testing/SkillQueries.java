package org.teamfinder.skills.domain.testing;

import java.util.Optional;

import org.teamfinder.skills.domain.skill.SkillPosition;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SkillSort;
import org.teamfinder.skills.domain.skill.SortDirection;

/**
 * Builds listing queries in tests, starting from the first page of the whole catalogue by id:
 * {@code SkillQueries.firstPage().withLimit(5).inCategory("Backend").query()}.
 */
public final class SkillQueries {

    private int limit = SkillQuery.DEFAULT_LIMIT;
    private long offset;
    private SkillPosition after;
    private String category;
    private String nameContains;
    private SkillSort sort = SkillSort.ID;
    private SortDirection direction = SortDirection.ASC;

    private SkillQueries() {
    }

    public static SkillQueries firstPage() {
        return new SkillQueries();
    }

    public SkillQueries withLimit(int newLimit) {
        limit = newLimit;
        return this;
    }

    public SkillQueries withOffset(long newOffset) {
        offset = newOffset;
        return this;
    }

    public SkillQueries after(SkillPosition position) {
        after = position;
        return this;
    }

    public SkillQueries inCategory(String newCategory) {
        category = newCategory;
        return this;
    }

    public SkillQueries nameContaining(String text) {
        nameContains = text;
        return this;
    }

    public SkillQueries sortedBy(SkillSort newSort, SortDirection newDirection) {
        sort = newSort;
        direction = newDirection;
        return this;
    }

    /** The query; fails as {@link SkillQuery} does for values it refuses. */
    public SkillQuery query() {
        return new SkillQuery(limit, offset, Optional.ofNullable(after), Optional.ofNullable(category), Optional.ofNullable(nameContains),
                sort, direction);
    }
}
