package org.teamfinder.skills.webpages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.teamfinder.skills.domain.imports.CandidateSource;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.SkillCandidate;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.imports.port.out.SkillExtractor;

/**
 * Finds skill names on an HTML page with jsoup, in what real pages carry:
 * <ul>
 *   <li>schema.org JSON-LD: {@code skills} of a JobPosting, {@code knowsAbout} of a Person (texts, lists of
 *       texts, or things with a name; also inside {@code @graph});</li>
 *   <li>schema.org microdata: {@code itemprop="skills"} / {@code itemprop="knowsAbout"};</li>
 *   <li>{@code <meta name="keywords">};</li>
 *   <li>links marked {@code rel="tag"};</li>
 *   <li>list items under a heading such as Skills, Requirements, Technologies, Stack (and Навыки,
 *       Требования, Технологии, Стек), up to the next heading of the same or a higher level.</li>
 * </ul>
 * The page is decoded with its declared charset, else what the page itself declares, else UTF-8. Parsing
 * is CPU work: it runs on the given executor, off the event loops.
 */
public final class JsoupSkillExtractor implements SkillExtractor {

    private static final Pattern SECTION_HEADING = Pattern.compile(
            "(?iuU)(^|\\W)(key\\s+)?(skills?|requirements?|technolog(y|ies)|tech(nology)?\\s+stack|stack|tools|навык\\w*|требовани\\w*|технолог\\w*|стек\\w*)(\\W|$)");
    private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";

    private final JsonMapper json;
    private final Executor executor;

    public JsoupSkillExtractor(JsonMapper json, Executor executor) {
        this.json = json;
        this.executor = executor;
    }

    @Override
    public CompletionStage<List<SkillCandidate>> candidates(WebPage page) {
        return CompletableFuture.supplyAsync(() -> candidatesNow(page), executor);
    }

    List<SkillCandidate> candidatesNow(WebPage page) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset().map(Charset::name).orElse(null),
                    page.address().toString());
        } catch (IOException e) {
            throw new PageFetchFailed("the page could not be read as HTML: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new PageFetchFailed("the page could not be read as HTML: " + e.getCause().getMessage());
        }
        List<SkillCandidate> candidates = new ArrayList<>();
        List<String> structured = new ArrayList<>();
        jsonLd(document, structured);
        microdata(document, structured);
        structured.forEach(text -> candidates.add(new SkillCandidate(text, CandidateSource.STRUCTURED_DATA)));
        for (Element meta : document.select("meta[name~=(?i)^keywords$][content]")) {
            Arrays.stream(meta.attr("content").split(",")).forEach(text -> candidates.add(new SkillCandidate(text, CandidateSource.TAG)));
        }
        for (Element link : document.select("a[rel]")) {
            if (Arrays.asList(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("tag")) {
                candidates.add(new SkillCandidate(link.text(), CandidateSource.TAG));
            }
        }
        List<String> listed = new ArrayList<>();
        sections(document, listed);
        listed.forEach(text -> candidates.add(new SkillCandidate(text, CandidateSource.SKILLS_LIST)));
        return candidates;
    }

    private void jsonLd(Document document, List<String> candidates) {
        for (Element script : document.select("script[type~=(?i)^application/ld\\+json$]")) {
            Object data;
            try {
                data = json.readValue(script.data(), Argument.OBJECT_ARGUMENT);
            } catch (IOException | RuntimeException malformed) {
                continue;  // a broken block on a page is common; the page's other sources still count
            }
            collectJsonLd(data, candidates, 0);
        }
    }

    private static void collectJsonLd(Object node, List<String> candidates, int depth) {
        if (depth > 20) {
            return;
        }
        if (node instanceof List<?> list) {
            list.forEach(item -> collectJsonLd(item, candidates, depth + 1));
        } else if (node instanceof Map<?, ?> object) {
            if (hasType(object, "JobPosting")) {
                names(object.get("skills"), candidates);
            }
            if (hasType(object, "Person")) {
                names(object.get("knowsAbout"), candidates);
            }
            object.values().forEach(value -> collectJsonLd(value, candidates, depth + 1));
        }
    }

    private static boolean hasType(Map<?, ?> object, String type) {
        Object declared = object.get("@type");
        if (declared instanceof List<?> types) {
            return types.stream().anyMatch(each -> isType(each, type));
        }
        return isType(declared, type);
    }

    private static boolean isType(Object declared, String type) {
        return declared instanceof String name && (name.equals(type) || name.endsWith("/" + type) || name.endsWith(":" + type));
    }

    /** A schema.org value naming skills: a text (possibly comma-separated), a thing with a name, or a list of those. */
    private static void names(Object value, List<String> candidates) {
        if (value instanceof String text) {
            candidates.add(text);
        } else if (value instanceof Map<?, ?> thing && thing.get("name") instanceof String name) {
            candidates.add(name);
        } else if (value instanceof List<?> list) {
            list.stream().filter(item -> !(item instanceof List<?>)).forEach(item -> names(item, candidates));
        }
    }

    private static void microdata(Document document, List<String> candidates) {
        for (Element property : document.select("[itemprop]")) {
            List<String> names = Arrays.asList(property.attr("itemprop").split("\\s+"));
            if (!names.contains("skills") && !names.contains("knowsAbout")) {
                continue;
            }
            if (property.hasAttr("content")) {
                candidates.add(property.attr("content"));
            } else if (!property.select("li").isEmpty()) {
                property.select("li").forEach(item -> candidates.add(item.text()));
            } else {
                candidates.add(property.text());
            }
        }
    }

    private static void sections(Document document, List<String> candidates) {
        for (Element heading : document.select(HEADINGS)) {
            if (!SECTION_HEADING.matcher(heading.text()).find()) {
                continue;
            }
            int level = heading.tagName().charAt(1) - '0';
            for (Element next = heading.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                if (next.is(HEADINGS) && next.tagName().charAt(1) - '0' <= level) {
                    break;
                }
                for (Element item : next.is("li") ? List.of(next) : next.select("li")) {
                    if (item.select("li").size() == 1) {  // a leaf: select() includes the item itself
                        candidates.add(item.text());
                    }
                }
            }
        }
    }
}
