package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillContent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text found on web pages into skill names, dropping what is not one. A candidate is split at
 * commas and semicolons; each part loses white space runs (to one space), list bullets in front,
 * punctuation at the end and a trailing remark in parentheses; what remains is a name if it has a letter,
 * at most {@value #MAX_WORDS} words and {@value #MAX_LENGTH} characters, does not read like a sentence
 * about experience ("3+ years of Java"), and passes the catalogue's rules. Names repeated ignoring case
 * count once (the first spelling wins); a page gives at most {@value #MAX_PER_PAGE}.
 */
public final class SkillNames {

    public static final int MAX_LENGTH = 50;
    public static final int MAX_WORDS = 4;
    public static final int MAX_PER_PAGE = 200;

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\n\\r]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");
    private static final Pattern LEADING_BULLETS = Pattern.compile("^[\\p{Pd}*•·▪►‣◦✓✔☑>]+\\s*");
    private static final Pattern TRAILING_REMARK = Pattern.compile("\\s*\\([^()]*\\)$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.:!?…]+$");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern SENTENCE_WORDS = Pattern.compile(
            "(?iuU)(^|\\s)(years?|experience|knowledge|ability|understanding|опыт\\w*|лет|года?|знани\\w*|умени\\w*)(\\s|$)");

    private SkillNames() {
    }

    /** The skill names among the candidates, in the order first seen. */
    public static List<String> from(Collection<String> candidates) {
        List<String> names = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            for (String part : SEPARATORS.split(candidate)) {
                Optional<String> name = normalised(part);
                if (name.isPresent() && keys.add(new SkillContent(name.get(), Optional.empty(), Optional.empty()).nameKey())) {
                    names.add(name.get());
                    if (names.size() == MAX_PER_PAGE) {
                        return names;
                    }
                }
            }
        }
        return names;
    }

    /** One candidate as a name, or empty when it is not one. */
    static Optional<String> normalised(String text) {
        String name = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
        name = LEADING_BULLETS.matcher(name).replaceFirst("");
        name = TRAILING_REMARK.matcher(name).replaceFirst("");
        name = TRAILING_PUNCTUATION.matcher(name).replaceFirst("");
        if (name.isEmpty() || !LETTER.matcher(name).find()
                || name.codePointCount(0, name.length()) > MAX_LENGTH
                || name.split(" ").length > MAX_WORDS
                || SENTENCE_WORDS.matcher(name).find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SkillContent(name, Optional.empty(), Optional.empty()).name());
        } catch (InvalidSkill invalid) {
            return Optional.empty();
        }
    }
}
