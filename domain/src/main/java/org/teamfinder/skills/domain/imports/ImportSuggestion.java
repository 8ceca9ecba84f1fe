package org.teamfinder.skills.domain.imports;

import java.util.Objects;
import java.util.Optional;

/**
 * A name that weaker sources on a job's pages gave (tags, keywords) and the catalogue did not know: how many
 * pages gave it, and whether a curator has accepted it (then {@code skillId} is the skill it became or
 * already was) or dismissed it.
 */
public record ImportSuggestion(String name, int pages, State state, Optional<Long> skillId) {

    public enum State {
        OPEN, ACCEPTED, DISMISSED
    }

    public ImportSuggestion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        skillId = skillId == null ? Optional.empty() : skillId;
    }
}
