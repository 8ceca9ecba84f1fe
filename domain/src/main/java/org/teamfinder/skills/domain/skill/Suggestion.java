package org.teamfinder.skills.domain.skill;

import java.util.Objects;
import java.util.Optional;

/**
 * One hit of the typeahead: the skill (id, canonical name, category, popularity), the name or alias the
 * text matched, and how it matched.
 */
public record Suggestion(long id, String name, Optional<String> category, long popularity, String matched, boolean alias,
                         Match match) {

    /** How a hit matched, best first: the order suggestions come in. */
    public enum Match {
        /** The text is the whole name or alias, ignoring case. */
        EXACT,
        /** A name or alias starts with the text. */
        PREFIX,
        /** A later word of a name or alias starts with the text ("boot" in "Spring Boot"). */
        WORD,
        /** A name or alias is within the typos the text's length allows (see {@link Typos}). */
        TYPO
    }

    public Suggestion {
        Objects.requireNonNull(name, "name");
        category = category == null ? Optional.empty() : category;
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(match, "match");
    }
}
