package org.teamfinder.skills.domain.skill;

import java.util.Objects;

/**
 * One skill of a published vocabulary (the starter vocabulary, ESCO's skills in one language, ...): where it
 * comes from ({@code source}, such as {@code starter} or {@code esco}), its key there (a name, ESCO's concept
 * URI), the language of its labels, and the skill it describes.
 */
public record VocabularyEntry(String source, String key, String language, SkillContent content) {

    public VocabularyEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(content, "content");
    }
}
