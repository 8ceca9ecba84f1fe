package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillContent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text found on web pages into skill names, dropping what is not one. A candidate is split at
 * commas, semicolons, line breaks, bullets and pipes, and at a dash with spaces around it ("Python —
 * 5 years"); each part loses white space runs (to one space), list bullets and hashes in front,
 * punctuation at the end, a trailing remark in parentheses and a trailing version ("Python 3",
 * "Java 17"). What remains is a name if it has a letter, at most {@value #MAX_WORDS} words and
 * {@value #MAX_LENGTH} characters, does not read like a sentence ("3+ years of Java", "Unit testing
 * with xUnit", "тесты на Vitest") or an amount ("6 lectures"), is not a level ("Advanced", "Уверенно")
 * or one of the generic words pages put next to skills ("tutorial", "how to", "programming",
 * "Sign in"), and passes the catalogue's rules. Names repeated ignoring case count once (the first
 * spelling wins); a page gives at most {@value #MAX_PER_PAGE}.
 */
public final class SkillNames {

    public static final int MAX_LENGTH = 50;
    public static final int MAX_WORDS = 4;
    public static final int MAX_PER_PAGE = 200;

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\n\\r•·|]+|\\s+[\\u2012-\\u2015-]\\s+");
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");
    private static final Pattern LEADING_BULLETS = Pattern.compile("^[\\p{Pd}*•·▪►‣◦✓✔☑>#]+\\s*");
    /** Counts and durations of a course or a page: "6 lectures", "2hr 10min", "12 уроков". */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?iuU)^\\d+\\s*(lectures?|lessons?|videos?|hours?|hrs?|h|min|mins|minutes?|sec|weeks?|months?|days?|modules?|tasks?"
            + "|projects?|articles?|quizzes|exercises|заняти\\w*|урок\\w*|час\\w*|мин\\w*|недел\\w*|месяц\\w*|дн\\w*|модул\\w*"
            + "|задач\\w*|проект\\w*)\\b.*");
    private static final Pattern TRAILING_REMARK = Pattern.compile("\\s*\\([^()]*\\)$");
    private static final Pattern TRAILING_VERSION = Pattern.compile("(?<=\\p{L})\\s+v?\\d+(\\.\\d+)*\\+?$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.:!?…]+$");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern SENTENCE_WORDS = Pattern.compile(
            "(?iuU)(^|\\s)(years?|experience|knowledge|ability|understanding|familiarity|with|using|via|for|опыт\\w*|лет|года?"
            + "|знани\\w*|умени\\w*|знакомств\\w*|понимани\\w*|с|на|для|по|при)(\\s|$)");
    /** Levels, ratings and the generic words pages put next to skills; compared ignoring case. */
    private static final Set<String> NOT_NAMES = Set.of(
            // levels
            "beginner", "basic", "elementary", "intermediate", "advanced", "expert", "proficient", "fluent", "native",
            "good", "strong", "excellent", "junior", "middle", "senior", "lead", "novice", "master",
            "experienced", "familiar", "daily", "often", "sometimes",
            "базовый", "базовые", "начальный", "средний", "продвинутый", "уверенно", "уверенный", "свободно", "эксперт",
            "высокий", "хорошо", "отлично",
            // words about skills rather than skills
            "skills", "skill", "my skills", "our skills", "key skills", "hard skills", "soft skills", "tech stack", "stack", "technologies",
            "technology", "tools", "tools i use", "languages", "programming languages", "frameworks", "libraries",
            "databases", "platforms", "other", "others", "misc", "more", "and more", "etc", "see all", "show more",
            "show all", "навыки", "ключевые навыки", "стек", "технологии", "инструменты", "языки", "фреймворки",
            "базы данных", "другое", "ещё", "еще", "показать все", "все навыки",
            // generic words of blogs, sites and job boards
            "tutorial", "tutorials", "how to", "howto", "how-to", "guide", "guides", "tips", "tips and tricks",
            "programming", "coding", "development", "software development", "web development", "software",
            "software engineering", "engineering", "computer science", "it", "tech", "technology news", "news",
            "blog", "article", "articles", "beginners", "for beginners", "learning", "career", "careers", "jobs",
            "job", "hiring", "remote", "full-time", "part-time", "freelance", "backend", "back-end", "frontend",
            "front-end", "fullstack", "full-stack", "full stack", "web", "pricing", "sign in", "sign up", "log in",
            "login", "register", "home", "about", "contact", "contacts", "docs", "documentation", "faq", "help",
            "open source", "opinion", "announcement", "release", "update", "video", "podcast", "course", "courses",
            "туториал", "руководство", "обучение", "программирование", "разработка", "разработка по",
            "веб-разработка", "бэкенд", "фронтенд", "карьера", "вакансии", "вакансия", "работа", "удалённая работа",
            "удаленная работа", "удалёнка", "удаленка", "новости", "статья", "статьи", "блог", "для начинающих",
            "войти", "регистрация", "цены", "тарифы", "главная", "о нас", "контакты", "помощь", "курсы", "курс");

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
        name = TRAILING_VERSION.matcher(name).replaceFirst("");
        if (name.isEmpty() || !LETTER.matcher(name).find()
                || name.codePointCount(0, name.length()) > MAX_LENGTH
                || name.split(" ").length > MAX_WORDS
                || SENTENCE_WORDS.matcher(name).find()
                || AMOUNT.matcher(name).matches()
                || NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SkillContent(name, Optional.empty(), Optional.empty()).name());
        } catch (InvalidSkill invalid) {
            return Optional.empty();
        }
    }
}
