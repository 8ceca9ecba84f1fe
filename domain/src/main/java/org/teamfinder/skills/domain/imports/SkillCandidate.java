package org.teamfinder.skills.domain.imports;

import java.util.Objects;

/** Text found on a page that may name skills (one name, a list of names, or a sentence, by its source), as written. */
public record SkillCandidate(String text, CandidateSource source) {

    public SkillCandidate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
