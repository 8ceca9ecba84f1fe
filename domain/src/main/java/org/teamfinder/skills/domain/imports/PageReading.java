package org.teamfinder.skills.domain.imports;

import java.util.List;

/**
 * What a page says about skills, read against the catalogue: names from strong sources (each a new skill or,
 * when known, the skill it names), the canonical names of known skills that weaker sources mention, and
 * unknown names from weak sources, which a curator may accept.
 */
public record PageReading(List<String> named, List<String> mentioned, List<String> suggested) {

    public PageReading {
        named = List.copyOf(named);
        mentioned = List.copyOf(mentioned);
        suggested = List.copyOf(suggested);
    }

    public static PageReading empty() {
        return new PageReading(List.of(), List.of(), List.of());
    }
}
