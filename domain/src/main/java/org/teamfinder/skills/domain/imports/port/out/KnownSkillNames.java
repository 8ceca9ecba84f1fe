package org.teamfinder.skills.domain.imports.port.out;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The catalogue's names and aliases, as far as reading a page needs them. */
public interface KnownSkillNames {

    /**
     * Which of the keys ({@link org.teamfinder.skills.domain.skill.SkillContent#keyOf}) are some skill's name
     * or alias, each mapped to that skill's canonical name as written.
     */
    CompletionStage<Map<String, String>> known(Collection<String> keys);

    /** A fixed vocabulary (tests, evaluations): canonical names by the key of each name and alias. */
    static KnownSkillNames of(Map<String, String> canonicalByKey) {
        Map<String, String> vocabulary = Map.copyOf(canonicalByKey);
        return keys -> {
            Map<String, String> found = new HashMap<>();
            for (String key : keys) {
                String canonical = vocabulary.get(key);
                if (canonical != null) {
                    found.put(key, canonical);
                }
            }
            return CompletableFuture.completedFuture(found);
        };
    }
}
