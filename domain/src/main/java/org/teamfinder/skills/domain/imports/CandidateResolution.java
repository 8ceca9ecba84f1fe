package org.teamfinder.skills.domain.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.teamfinder.skills.domain.skill.SkillContent;

/**
 * Turns a page's candidates into a {@link PageReading}, in two steps around one look-up in the catalogue:
 * {@link #keysToLookUp} says which names to look up, {@link #read} decides with what was found. Strong
 * sources name skills ({@link SkillNames} cleans them); weak ones count where known and are suggested where
 * not; prose counts only the known names inside it, found on word boundaries, the longest first ("Spring
 * Boot", not also "Spring"), and only where written as names are (see {@link #writtenAsAName}).
 * <p>
 * A known name that is also an everyday word or a letter (Go, R, C, Rust, Swift, Spark: {@link #WORDS_TOO})
 * counts in prose only in a technical context: written as a name is written (capitalised, not "go"), not
 * glued to "&amp;" ("R&amp;D"), and next to another known skill ("Python or Go"), within
 * {@value #CONTEXT_WORDS} words and in the same sentence; a single letter, or two such words together, only in a list ("C/C++",
 * "Python, R и SQL", "Rust or Go"). In a list of skills or a tag it is a name as it stands.
 */
public final class CandidateResolution {

    /** The longest name looked for inside prose, in words. */
    static final int MAX_PHRASE_WORDS = 4;
    /** About the most keys one page looks up in the catalogue (the candidate that reaches it adds all of its own). */
    static final int MAX_KEYS = 20_000;
    /** How near another known skill an everyday word must be to count as a name in prose, in words. */
    static final int CONTEXT_WORDS = 2;
    /** Names of skills that are also everyday words, letters, roles or spoken languages, as keys. */
    static final Set<String> WORDS_TOO = Set.of(
            "go", "r", "c", "d", "v", "rust", "swift", "spark", "express", "chef", "puppet", "salt", "flask", "spring",
            "dart", "elm", "julia", "crystal", "hack", "scratch", "make", "ant", "excel", "word", "access", "teams",
            "slack", "notion", "sketch", "jest", "mocha", "jasmine", "karma", "chai", "gulp", "grunt", "storm", "hive",
            "pig", "beam", "unity", "ember", "backbone", "meteor", "next", "electron", "groovy", "assembly", "basic",
            "logo", "pascal", "scheme", "shell", "bash", "react", "node", "apex", "solid", "design", "testing",
            "analytics", "lean", "mobile", "cloud", "security", "ionic", "nest", "play", "rails", "glue", "athena",
            "aurora", "lambda", "helm", "vault", "consul", "nomad", "envoy", "tempo", "drone", "sentry", "caddy", "safe",
            // roles, areas and spoken languages, which name a job or a person more often than a skill
            "backend", "back-end", "frontend", "front-end", "fullstack", "full-stack", "devops", "web", "embedded",
            "firmware", "android", "ios", "data", "english", "spanish", "german", "french", "chinese", "russian",
            "бэкенд", "бекенд", "фронтенд", "английский", "немецкий",
            "го", "раст", "ява", "си", "плюсы", "шарп");
    // Words keep the characters names use inside and at the end of a word: C++, C#, Node.js, .NET, ASP.NET.
    // Slashes and hyphens separate words, so that "C/C++" holds C and C++ and "Jupyter-ноутбуки" Jupyter, while
    // "CI/CD" and "scikit-learn" are still found as two-word phrases.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.+#][\\p{L}\\p{N}]+)*[+#]*|\\.[\\p{L}]+");
    /** A name with a capital inside a word (NumPy, SQLite, GitHub) is coined, never an everyday word, however written. */
    private static final Pattern COINED = Pattern.compile("\\p{L}\\p{Lu}");
    private static final Pattern NAME_SIGNS = Pattern.compile("[\\p{N}+#.]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:]\\s");
    private static final Pattern LIST_GLUE = Pattern.compile(
            "(?iuU)^[\\s,;/|&()+]*(and|or|и|или|либо|а также|as well as|,|/)?[\\s,;/|()]*$");

    private CandidateResolution() {
    }

    /**
     * The keys ({@link SkillContent#keyOf}) of every name the candidates could mean, in their order, taking
     * no further candidate once {@value #MAX_KEYS} are held: a page of long prose offers four phrases a word,
     * and one look-up must stay small.
     */
    public static Set<String> keysToLookUp(List<SkillCandidate> candidates) {
        Set<String> keys = new LinkedHashSet<>();
        for (SkillCandidate candidate : candidates) {
            if (keys.size() >= MAX_KEYS) {
                break;
            }
            if (candidate.source().trust() == CandidateSource.Trust.KNOWN_ONLY) {
                phrases(candidate.text()).forEach(phrase -> keys.add(SkillContent.keyOf(phrase.text())));
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
                case KNOWN_ONLY -> mentions(candidate.text(), known)
                        .forEach(canonical -> mentioned.putIfAbsent(SkillContent.keyOf(canonical), canonical));
            }
        }
        List<String> named = SkillNames.from(strong);
        Set<String> namedKeys = new LinkedHashSet<>();
        named.forEach(name -> namedKeys.add(SkillContent.keyOf(known.getOrDefault(SkillContent.keyOf(name), name))));
        mentioned.keySet().removeAll(namedKeys);
        suggested.keySet().removeIf(key -> namedKeys.contains(key) || known.containsKey(key));
        return new PageReading(named, List.copyOf(mentioned.values()), List.copyOf(suggested.values()));
    }

    /** The canonical names of the known skills a piece of prose mentions, in the order written. */
    static List<String> mentions(String text, Map<String, String> known) {
        List<Phrase> found = new ArrayList<>();
        boolean[] taken = new boolean[words(text).size()];
        List<Phrase> longestFirst = new ArrayList<>(phrases(text));
        longestFirst.sort((a, b) -> Integer.compare(b.lastWord() - b.firstWord(), a.lastWord() - a.firstWord()));
        for (Phrase phrase : longestFirst) {
            String canonical = known.get(SkillContent.keyOf(phrase.text()));
            if (canonical != null && writtenAsAName(phrase.text(), canonical) && free(taken, phrase)) {
                for (int word = phrase.firstWord(); word <= phrase.lastWord(); word++) {
                    taken[word] = true;
                }
                found.add(phrase);
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<String> mentioned = new ArrayList<>();
        for (Phrase phrase : found) {
            if (!WORDS_TOO.contains(SkillContent.keyOf(phrase.text())) || inTechnicalContext(text, phrase, found)) {
                mentioned.add(known.get(SkillContent.keyOf(phrase.text())));
            }
        }
        return mentioned;
    }

    /**
     * Whether prose writes a known name as a name: with a capital, a digit or a sign in it ("Python", "k8s",
     * "C#"), exactly as the catalogue spells it ("pytest"), or in one word for a coined name ("numpy" for
     * NumPy). "remote work", "code review" and "docker compose" written in passing are words of a sentence,
     * not skills named.
     */
    private static boolean writtenAsAName(String written, String canonical) {
        return written.equals(canonical) || !written.equals(written.toLowerCase(Locale.ROOT)) || NAME_SIGNS.matcher(written).find()
                || COINED.matcher(canonical).find() && !written.contains(" ");
    }

    private static boolean free(boolean[] taken, Phrase phrase) {
        for (int word = phrase.firstWord(); word <= phrase.lastWord(); word++) {
            if (taken[word]) {
                return false;
            }
        }
        return true;
    }

    private static boolean inTechnicalContext(String text, Phrase phrase, List<Phrase> found) {
        String written = phrase.text();
        if (written.equals(written.toLowerCase(Locale.ROOT))) {
            return false;  // "go", "rust", "spark": a name is written capitalised
        }
        if (phrase.start() > 0 && text.charAt(phrase.start() - 1) == '&'
                || phrase.end() < text.length() && text.charAt(phrase.end()) == '&') {
            return false;  // R&D, AT&T
        }
        boolean letter = written.codePointCount(0, written.length()) == 1;
        for (Phrase other : found) {
            boolean everydayToo = WORDS_TOO.contains(SkillContent.keyOf(other.text()));
            if (other == phrase || everydayToo && other.text().equals(other.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int distance = other.firstWord() > phrase.lastWord() ? other.firstWord() - phrase.lastWord()
                    : phrase.firstWord() - other.lastWord();
            String between = other.start() > phrase.end() ? text.substring(phrase.end(), other.start())
                    : text.substring(other.end(), phrase.start());
            if (distance > CONTEXT_WORDS || SENTENCE_END.matcher(between).find()) {
                continue;
            }
            if (!letter && !everydayToo) {
                return true;
            }
            if (LIST_GLUE.matcher(between).matches()) {
                return true;  // "C/C++", "Python, R и SQL", "Rust or Go"
            }
        }
        return false;
    }

    /** Every run of 1 to {@value #MAX_PHRASE_WORDS} consecutive words of a text, as written. */
    static List<Phrase> phrases(String text) {
        List<int[]> words = words(text);
        List<Phrase> phrases = new ArrayList<>();
        for (int first = 0; first < words.size(); first++) {
            for (int last = first; last < Math.min(words.size(), first + MAX_PHRASE_WORDS); last++) {
                int start = words.get(first)[0];
                int end = words.get(last)[1];
                phrases.add(new Phrase(text.substring(start, end), first, last, start, end));
            }
        }
        return phrases;
    }

    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new int[] {matcher.start(), matcher.end()});
        }
        return words;
    }

    /** Consecutive words of a text: as written, which words, and where in the text. */
    record Phrase(String text, int firstWord, int lastWord, int start, int end) {
    }
}
