package org.teamfinder.skills.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Ascending or descending. */
public enum SortDirection {
    ASC, DESC;

    /** The name callers use: {@code asc} or {@code desc}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SortDirection> fromParameter(String text) {
        return Arrays.stream(values()).filter(direction -> direction.parameter().equals(text)).findFirst();
    }
}
