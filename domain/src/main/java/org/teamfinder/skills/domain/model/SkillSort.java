package org.teamfinder.skills.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** What a listing is ordered by. Every order is total: ties on the creation time are broken by id. */
public enum SkillSort {
    /** By id, which is the order skills were created in. */
    ID("id"),
    /** By name, ignoring case, in Unicode's language-neutral collation order. */
    NAME("name"),
    /** By creation time, then id. */
    CREATED_AT("createdAt");

    private final String parameter;

    SkillSort(String parameter) {
        this.parameter = parameter;
    }

    /** The name callers use for this order, such as {@code createdAt}. */
    public String parameter() {
        return parameter;
    }

    public static Optional<SkillSort> fromParameter(String text) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(text)).findFirst();
    }
}
