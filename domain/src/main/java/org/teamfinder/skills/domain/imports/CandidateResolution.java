package org.teamfinder.skills.domain.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.teamfinder.skills.domain.skill.SkillContent;

/**
 * Turns a page's candidates into a {@link PageReading}, in two steps around one look-up in the catalogue:
 * {@link #keysToLookUp} says which names to look up, {@link #read} decides with what was found. Strong
 * sources name skills ({@link SkillNames} cleans them); weak ones count where known and are suggested where
 * not; prose counts only the known names inside it, found on word boundaries.
 */
public final class CandidateResolution {

    /** The longest name looked for inside prose, in words. */
    static final int MAX_PHRASE_WORDS = 4;
    // Words keep the characters names use inside and at the end of a word: C++, C#, Node.js, .NET, ASP.NET.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.+#\\-/][\\p{L}\\p{N}]+)*[+#]*|\\.[\\p{L}]+");

    private CandidateResolution() {
    }

    /** The keys ({@link SkillContent#keyOf}) of every name the candidates could mean. */
    public static Set<String> keysToLookUp(List<SkillCandidate> candidates) {
        Set<String> keys = new LinkedHashSet<>();
        for (SkillCandidate candidate : candidates) {
            if (candidate.source().trust() == CandidateSource.Trust.KNOWN_ONLY) {
                phrases(candidate.text()).forEach(phrase -> keys.add(SkillContent.keyOf(phrase)));
            } else {
                SkillNames.from(List.of(candidate.text())).forEach(name -> keys.add(SkillContent.keyOf(name)));
            }
        }
        return keys;
    }

    /** The page's reading, given the canonical names of the keys the catalogue knows. */
    public static PageReading read(List<SkillCandidate> candidates, Map<String, String> known) {
        List<String> strong = new ArrayList<>();
        Map<String, String> mentioned = new LinkedHashMap<>();
        Map<String, String> suggested = new LinkedHashMap<>();
        for (SkillCandidate candidate : candidates) {
            switch (candidate.source().trust()) {
                case STRONG -> strong.add(candidate.text());
                case WEAK -> SkillNames.from(List.of(candidate.text())).forEach(name -> {
                    String key = SkillContent.keyOf(name);
                    if (known.containsKey(key)) {
                        mentioned.putIfAbsent(SkillContent.keyOf(known.get(key)), known.get(key));
                    } else {
                        suggested.putIfAbsent(key, name);
                    }
                });
                case KNOWN_ONLY -> phrases(candidate.text()).forEach(phrase -> {
                    String canonical = known.get(SkillContent.keyOf(phrase));
                    if (canonical != null) {
                        mentioned.putIfAbsent(SkillContent.keyOf(canonical), canonical);
                    }
                });
            }
        }
        List<String> named = SkillNames.from(strong);
        Set<String> namedKeys = new LinkedHashSet<>();
        named.forEach(name -> namedKeys.add(SkillContent.keyOf(known.getOrDefault(SkillContent.keyOf(name), name))));
        mentioned.keySet().removeAll(namedKeys);
        suggested.keySet().removeIf(key -> namedKeys.contains(key) || known.containsKey(key));
        return new PageReading(named, List.copyOf(mentioned.values()), List.copyOf(suggested.values()));
    }

    /** Every run of 1 to {@value #MAX_PHRASE_WORDS} consecutive words of a text, as written. */
    static List<String> phrases(String text) {
        List<int[]> words = new ArrayList<>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new int[] {matcher.start(), matcher.end()});
        }
        List<String> phrases = new ArrayList<>();
        for (int first = 0; first < words.size(); first++) {
            for (int last = first; last < Math.min(words.size(), first + MAX_PHRASE_WORDS); last++) {
                phrases.add(text.substring(words.get(first)[0], words.get(last)[1]));
            }
        }
        return phrases;
    }
}
