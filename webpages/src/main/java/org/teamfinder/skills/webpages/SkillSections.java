package org.teamfinder.skills.webpages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.teamfinder.skills.domain.imports.CandidateSource;

/**
 * Reads a page's own content (what {@link Boilerplate} leaves) by its sections, as a reader does:
 * <ul>
 *   <li>A section starts at a title: a heading {@code h1}-{@code h6} that names a kind of section (and
 *       says nothing else: "💻 My tech stack" does, "Stack decisions" does not), or any other short element
 *       whose whole text is such a name (a paragraph of bold text, a {@code dt}, a {@code summary}, a
 *       {@code div} styled as a title); it runs to the next title of the same or a higher rank. A title in
 *       a table's header row heads its column.</li>
 *   <li>Skills sections ("Skills", "Key skills", "Tech stack", "Languages and Tools", "Навыки", "Стек",
 *       ...) and blocks whose class, id or ARIA label says skills, stack or tools (unless their own heading
 *       says otherwise): each item, chip, link or cell is a name ({@link CandidateSource#SKILLS_LIST}), each
 *       icon's title or alt text too ({@link CandidateSource#ICON}); sentences and lower-case phrases
 *       among them are prose. Sub-titles and header cells are not items.</li>
 *   <li>Requirements sections ("Requirements", "What you'll need", "Nice to have", "What you'll learn",
 *       "Требования", "Будет плюсом", ...): an item written as technologies are (one word, or with
 *       capitals, digits or signs inside: "Linux", "GNU Radio", "CI/CD") is a name; other items are prose.</li>
 *   <li>Sections about the work, the person or a course's modules ("Responsibilities", "Experience",
 *       "Currently learning", "Course content", "Обязанности", ...) are prose.</li>
 *   <li>Sections about something else ("Benefits", "Условия", "Education") are not read; related, similar
 *       and popular sections are removed.</li>
 *   <li>A line that starts with such a title ("Stack: Java, Kafka", "Требования: Python, Django") counts as
 *       its section; inside a section, a category before a list ("Databases: PostgreSQL, Redis") is left
 *       out and a name before its level ("Python: 5 years") kept.</li>
 *   <li>Chips, tags, badges and pills elsewhere, and links marked {@code rel="tag"}, are tags
 *       ({@link CandidateSource#TAG}).</li>
 *   <li>The rest of the content is prose, unless the page tags itself: an article is about its tags, not
 *       about everything it mentions.</li>
 * </ul>
 * Candidates come out in the order of the page.
 */
final class SkillSections {

    enum Kind { SKILLS, REQUIREMENTS, PROSE, OTHER, RELATED }

    private static final String SKILLS = "(key |core |hard |technical |my |our )?skills?( (and|&) (tools|technologies|expertise))?"
            + "|(the |my |our )?tech(nology|nical)? stack|stack|technolog(y|ies)( (we|i) use)?|tools( (i|we) use)?"
            + "|tools (and|&) technologies|languages (and|&) (tools|technologies|frameworks)|toolbox|toolkit|expertise"
            + "|competenc(e|es|ies)|skills you('|’)ll (gain|learn)|built with|i work with|what i use|programming languages"
            + "|frameworks( (and|&) libraries)?|(also )?comfortable with|(also )?familiar with|what i know|i also use"
            + "|(ключевые |профессиональные |основные )?навык\\w*|стек\\w*( технологий)?|технологи\\w*|инструмент\\w*"
            + "|компетенци\\w*|владею|языки программирования|языки и инструменты";
    private static final String REQUIREMENTS = "(key |minimum |basic |preferred |desired )?requirements?|qualifications?"
            + "|what (you('|’)ll|you will) need|what we('|’)re looking for|what we expect|we expect|must[- ]haves?|nice[- ]to[- ]haves?"
            + "|bonus( points)?|(it would be |would be )?a plus|pluses|preferred|you have|you are|about you|who you are"
            + "|you should have|(ideal |the )?candidate|prerequisites|требовани\\w*|что мы (ждём|ждем|ожидаем)( от вас)?"
            + "|мы (ждём|ждем|ожидаем)( от вас)?|ожидаем|будет плюсом|(будет )?преимуществом|желательно|пожелания"
            + "|нам важно|от вас|что нужно знать|необходимо|обязательно|what (you('|’)ll|you will) bring|you bring|you('|’)ll need"
            // What a course teaches is written as things to do ("Build REST APIs with FastAPI"), as requirements are.
            + "|what (you('|’)ll|you will) learn|you('|’)ll learn|you will learn|чему (вы )?научитесь|вы научитесь"
            + "|что (вы )?(узнаете|изучите)";
    private static final String PROSE = "(work )?experience|responsibilities|duties|what you('|’)ll do|what you will do|your role"
            + "|the role|about (me|the role|the job|the position|the project)|projects?|summary|profile|description|bio"
            + "|обязанности|задачи|чем (предстоит )?заниматься|опыт( работы)?|о (себе|проекте|вакансии|компании)|проекты"
            + "|описание( вакансии)?|резюме|(currently |now )?learning|currently|what i('|’)m (learning|doing|working on)|now"
            + "|изучаю|сейчас изучаю|чем (я )?занимаюсь( сейчас)?|сейчас"
            // A curriculum lists modules ("Ownership, borrowing and lifetimes · 14 lectures"), not skills.
            + "|course (content|program|programme|curriculum)|curriculum|syllabus|программа( курса)?|содержание курса";
    private static final String OTHER = "(what )?we offer|benefits|perks|conditions|how to apply|apply|about (us|the company)"
            + "|contacts?|stats|statistics|achievements|salary|location|education|languages|hobbies|interests|references"
            + "|(мы )?предлагаем|что мы предлагаем|услови\\w*|о компании|контакты|статистика|зарплата|образование|хобби"
            + "|языки|иностранные языки|личные качества|как откликнуться";
    private static final String RELATED = "related\\b.*|similar\\b.*|popular\\b.*|recommended\\b.*|you (may|might) also like.*"
            + "|(more|other)( open)? (jobs|openings|positions|roles|vacancies|courses|posts|articles)\\b.*|see also"
            + "|trending\\b.*|похож\\w*.*|популярн\\w*.*|рекомендуем\\w*.*|другие (вакансии|курсы|статьи)\\b.*|смотрите также"
            + "|вам (может|могут) (понравиться|подойти).*|ещё вакансии.*|еще вакансии.*";

    private static final List<KindPattern> TITLES = List.of(
            new KindPattern(Kind.RELATED, RELATED), new KindPattern(Kind.SKILLS, SKILLS),
            new KindPattern(Kind.REQUIREMENTS, REQUIREMENTS), new KindPattern(Kind.PROSE, PROSE), new KindPattern(Kind.OTHER, OTHER));
    private static final Set<String> SKILL_BLOCK_WORDS = Set.of("skill", "skills", "stack", "techstack", "tech",
            "technologies", "technology", "tools", "toolbox", "competencies", "competences", "expertise", "keyskills",
            "навыки");
    private static final Set<String> TAG_BLOCK_WORDS = Set.of("tag", "tags", "chip", "chips", "badge", "badges",
            "pill", "pills", "topic", "topics");
    private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";
    private static final int MAX_TITLE_WORDS = 7;
    private static final int MAX_TITLE_CHILDREN = 4;
    private static final String NEVER_TITLES = "li, a, option, button, img, svg, td:not(thead td)";
    private static final int PSEUDO_TITLE_RANK = 7;
    private static final int TERM_RANK = 8;
    private static final Pattern TECH_LOOKING = Pattern.compile("^\\S+$|.\\p{Lu}|\\p{N}|[+#./]");
    /** What a heading may say around a section's name: emoji, signs, and words such as "my", "I use", "которыми я пользуюсь". */
    private static final Pattern DRESSING = Pattern.compile("(?iuU)[^\\p{L}]*((my|our|the|a|i|we|use|used|using|work|with|love"
            + "|know|and|current|main|key|core|favou?rite|daily|every|day|мой|мои|моя|наш|наши|я|мы|которыми|которые|пользуюсь|пользуемся|использую|используем"
            + "|работаю|работаем|основные|ключевые|и)[^\\p{L}]*)*");
    private static final Pattern LIST = Pattern.compile("[,;•·|\\n]");
    private static final Pattern LABELLED_LINE = Pattern.compile("(?s)^([^:：\\n]{2,40})[:：]\\s*(.+)$");

    private final Set<Element> read = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Element, Integer> positions = new IdentityHashMap<>();

    private record KindPattern(Kind kind, Pattern whole, Pattern within) {
        KindPattern(Kind kind, String names) {
            this(kind, Pattern.compile("(?iuU)^\\s*(" + names + ")\\s*[:：.]?\\s*$"),
                    Pattern.compile("(?iuU)(^|[^\\p{L}])(" + names + ")([^\\p{L}]|$)"));
        }
    }

    private record Title(Element element, Kind kind, int rank) {
    }

    /** The candidates of a page's own content; {@code tagged} when the page tags itself in its head (Open Graph). */
    static void read(Element body, boolean tagged, Candidates candidates) {
        new SkillSections(tagged).readBody(body, candidates);
    }

    private final boolean tagged;

    private SkillSections(boolean tagged) {
        this.tagged = tagged;
    }

    /** The kind a block's own heading gives it, when that is not skills ("Чему вы научитесь" in a block with id="skills"). */
    private static Optional<Kind> titledOtherwise(Element block) {
        Element heading = block.selectFirst(HEADINGS);
        return heading == null ? Optional.empty()
                : kindOf(Segments.text(heading).strip(), true).filter(kind -> kind != Kind.SKILLS);
    }

    private void readBody(Element body, Candidates candidates) {
        body.getAllElements().forEach(element -> positions.put(element, positions.size()));
        List<Title> titles = titles(body);
        titles.stream().filter(title -> title.kind() == Kind.RELATED).forEach(title -> section(title).forEach(Element::remove));
        // The most telling first: skills blocks and sections, then requirements, then prose; the innermost
        // title of each kind before the ones around it.
        for (Element block : body.select("[class], [id], [aria-label], [data-qa], [data-testid]")) {
            if (!alreadyRead(block) && names(block, SKILL_BLOCK_WORDS) && titledOtherwise(block).isEmpty()) {
                read(Kind.SKILLS, List.of(block), candidates);
            }
        }
        titles.sort(Comparator.comparing(Title::kind).thenComparing(Comparator.comparingInt(Title::rank).reversed()));
        for (Title title : titles) {
            if (candidates.full()) {
                return;
            }
            if (title.kind() == Kind.OTHER) {
                section(title).forEach(read::add);
            } else if (title.kind() != Kind.RELATED && !removed(title.element())) {
                read(title.kind(), section(title), candidates);
            }
        }
        for (Element line : body.select("p, li, dd, div, span, td")) {
            if (!alreadyRead(line) && line.children().stream().allMatch(Segments::isInline)) {
                labelledLine(Segments.text(line).strip(), null, at(candidates, line));
            }
        }
        for (Element block : body.select("[class]")) {
            if (!alreadyRead(block) && names(block, TAG_BLOCK_WORDS)) {
                for (Segments.Segment segment : fresh(block)) {
                    at(candidates, segment.item()).add(segment.text(), CandidateSource.TAG);
                }
                read.add(block);
            }
        }
        for (Element link : body.select("a[rel]")) {
            if (Boilerplate.words(link.attr("rel")).anyMatch("tag"::equals) && !alreadyRead(link)) {
                read.add(link);
                at(candidates, link).add(link.text(), CandidateSource.TAG);
            }
        }
        // The rest of the content is prose, unless the page tags itself: then its text is an article about
        // its tags, and what else it mentions is not what it is about.
        if (!candidates.any(CandidateSource.TAG) && !tagged) {
            for (Segments.Segment segment : fresh(body)) {
                if (segment.item().closest(HEADINGS) == null && kindOf(segment.text(), false).isEmpty()) {
                    at(candidates, segment.item()).prose(segment.text());
                }
            }
        }
    }

    private void read(Kind kind, List<Element> section, Candidates candidates) {
        for (Element block : section) {
            if (candidates.full()) {
                return;
            }
            if (alreadyRead(block)) {
                continue;
            }
            if (kind == Kind.SKILLS) {
                Segments.icons(block).forEach(name -> at(candidates, block).add(name, CandidateSource.ICON));
            }
            for (Segments.Segment segment : fresh(block)) {
                at(candidates, segment.item());
                String text = segment.text();
                if (segment.item().closest(HEADINGS) != null || segment.item().is("th")
                        || text.split("\\s+").length <= MAX_TITLE_WORDS && kindOf(text, false).isPresent()) {
                    continue;  // the block's own title, or the title of a group of items ("Databases")
                }
                if (kind == Kind.PROSE) {
                    candidates.prose(text);
                } else if (!labelledLine(text, kind, candidates)) {
                    item(kind, text, candidates);
                }
            }
            read.add(block);
        }
    }

    private Candidates at(Candidates candidates, Element element) {
        return candidates.at(positions.getOrDefault(element, positions.size()));
    }

    /** The segments of a block not read before, marked as read now. */
    private List<Segments.Segment> fresh(Element block) {
        List<Segments.Segment> fresh = Segments.of(block).stream().filter(segment -> !alreadyRead(segment.item())).toList();
        fresh.forEach(segment -> read.add(segment.item()));
        return fresh;
    }

    /** A piece of a skills or requirements section: names, or prose where it is written as sentences. */
    private static void item(Kind kind, String text, Candidates candidates) {
        String item = text.strip();
        boolean phrase = item.split("\\s+").length > 1 && item.equals(item.toLowerCase(java.util.Locale.ROOT));
        if (kind == Kind.SKILLS && !phrase || TECH_LOOKING.matcher(item).find() && item.split("\\s+").length <= 3 && !phrase) {
            candidates.named(text, CandidateSource.SKILLS_LIST);
        } else {
            candidates.prose(text);
        }
    }

    /**
     * "Stack: Java, Kafka": a line that starts with a section's title holds that section's items. Inside a
     * skills or requirements section, a line may start with a label of its own: a category before a list
     * ("Databases: PostgreSQL, Redis"; the label is left out) or a name before its level ("Python: 5 years").
     */
    private static boolean labelledLine(String text, Kind within, Candidates candidates) {
        Matcher line = LABELLED_LINE.matcher(text);
        if (!line.matches() || line.group(1).strip().split("\\s+").length > MAX_TITLE_WORDS) {
            return false;
        }
        String label = line.group(1);
        String items = line.group(2);
        Kind kind = kindOf(label, false).orElse(null);
        if (kind == Kind.RELATED || kind == Kind.OTHER || kind == null && (within == null || within == Kind.PROSE)) {
            return false;
        }
        if (kind == Kind.PROSE) {
            candidates.prose(items);
            return true;
        }
        boolean list = LIST.matcher(items).find();
        if (kind == null && !list) {
            item(within, label, candidates);
        }
        Kind itemsKind = kind == null ? within : kind;
        for (String item : items.split("\\n")) {
            item(itemsKind == Kind.SKILLS || list ? Kind.SKILLS : itemsKind, item, candidates);
        }
        return true;
    }

    private List<Title> titles(Element body) {
        List<Title> titles = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element.childrenSize() > MAX_TITLE_CHILDREN || element.is(NEVER_TITLES)) {
                continue;  // a title is a few words, maybe with an icon or some bold: not a block of many parts, nor an item
            }
            String text = Segments.text(element).strip();
            if (text.isEmpty() || text.split("\\s+").length > MAX_TITLE_WORDS) {
                continue;
            }
            if (element.is(HEADINGS)) {
                int rank = element.normalName().charAt(1) - '0';
                kindOf(text, !element.is("h1")).ifPresent(kind -> titles.add(new Title(element, kind, rank)));
            } else if (element.parent() != null && !wrapsAlone(element.parent())
                    && element.closest(HEADINGS) == null && element.selectFirst(HEADINGS) == null) {
                int rank = element.is("dt") ? TERM_RANK : PSEUDO_TITLE_RANK;
                kindOf(text, false).ifPresent(kind -> titles.add(new Title(element, kind, rank)));
            }
        }
        return titles;
    }

    /**
     * The kind of section a title names. Any title may say only that ("Skills:"); a heading may also dress it
     * up ("💻 My tech stack", "Технологии, которыми я пользуюсь"), but not say something else about it
     * ("Stack decisions").
     */
    private static Optional<Kind> kindOf(String title, boolean within) {
        for (KindPattern pattern : TITLES) {
            if (pattern.whole().matcher(title).matches()) {
                return Optional.of(pattern.kind());
            }
            Matcher found = pattern.within().matcher(title);
            if (within && found.find()) {
                String rest = title.substring(0, found.start()) + " " + title.substring(found.end());
                if (pattern.kind() == Kind.RELATED || DRESSING.matcher(rest).matches()) {
                    return Optional.of(pattern.kind());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The elements a title heads: its following siblings up to the next title of the same or a higher rank
     * (a title alone in a wrapper heads what follows the wrapper), or the {@code dd}s after a {@code dt}.
     */
    private static List<Element> section(Title title) {
        Element start = title.element();
        if (start.is("th, td") && start.parent() != null && start.parent().is("tr") && isHeaderRow(start.parent())) {
            return column(start);
        }
        while (start.nextElementSibling() == null && start.parent() != null && start.parent().childrenSize() == 1
                && !start.parent().is("body, main, article, section")) {
            start = start.parent();
        }
        List<Element> section = new ArrayList<>();
        for (Element next = start.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            if (title.rank() == TERM_RANK) {
                if (!next.is("dd")) {
                    break;
                }
            } else if (endsSection(next, title.rank())) {
                break;
            }
            section.add(next);
        }
        return section;
    }

    private static boolean isHeaderRow(Element row) {
        return row.parent() != null && row.parent().is("thead") || row.children().stream().allMatch(cell -> cell.is("th"));
    }

    /** The cells under a column's title in a table's header row. */
    private static List<Element> column(Element title) {
        int column = title.elementSiblingIndex();
        Element table = title.closest("table");
        List<Element> cells = new ArrayList<>();
        boolean below = false;
        for (Element row : table == null ? List.<Element>of() : table.select("tr")) {
            if (row == title.parent()) {
                below = true;
            } else if (below && row.childrenSize() > column && row.closest("table") == table) {
                cells.add(row.child(column));
            }
        }
        return cells;
    }

    private static boolean endsSection(Element element, int rank) {
        for (Element heading : element.select(HEADINGS)) {
            if (heading.normalName().charAt(1) - '0' <= rank) {
                return true;
            }
        }
        if (rank >= PSEUDO_TITLE_RANK && element.childrenSize() <= MAX_TITLE_CHILDREN) {
            String text = Segments.text(element).strip();
            return !text.isEmpty() && text.split("\\s+").length <= MAX_TITLE_WORDS && kindOf(text, false).isPresent()
                    || element.children().size() == 1 && element.child(0).is("strong, b") && kindOf(text, false).isPresent();
        }
        return false;
    }

    /** Whether an element holds nothing but one child, so that the child's text is its text (the outer one is the title). */
    private static boolean wrapsAlone(Element element) {
        return element.childrenSize() == 1 && element.textNodes().stream().allMatch(TextNode::isBlank);
    }

    private static boolean names(Element element, Set<String> words) {
        return Boilerplate.words(element.className()).anyMatch(words::contains)
                || Boilerplate.words(element.id()).anyMatch(words::contains)
                || Boilerplate.words(element.attr("aria-label")).anyMatch(words::contains)
                || Boilerplate.words(element.attr("data-qa")).anyMatch(words::contains)
                || Boilerplate.words(element.attr("data-testid")).anyMatch(words::contains);
    }

    private boolean alreadyRead(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            if (read.contains(at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean removed(Element element) {
        return element.ownerDocument() == null;
    }
}
