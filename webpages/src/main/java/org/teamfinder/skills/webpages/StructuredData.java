package org.teamfinder.skills.webpages;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.teamfinder.skills.domain.imports.CandidateSource;

/**
 * The skills a page states in schema.org terms, in JSON-LD, microdata and RDFa: {@code skills} (JobPosting,
 * Occupation), {@code knowsAbout} (Person, Organization), {@code teaches} (Course and other learning
 * resources) and {@code competencyRequired}, each as text, a list of texts, things with a name, or a
 * {@code DefinedTermSet} of {@code DefinedTerm}s; and the terms of a {@code DefinedTermSet} named for skills.
 */
final class StructuredData {

    static final Set<String> SKILL_PROPERTIES = Set.of("skills", "knowsAbout", "teaches", "competencyRequired");
    private static final Pattern SKILLS_SET_NAME = Pattern.compile(
            "(?iuU)skill|competenc|technolog|навык|компетенц|технолог");
    private static final int MAX_DEPTH = 20;

    private final JsonMapper json;

    StructuredData(JsonMapper json) {
        this.json = json;
    }

    /** What the page's structured data names as skills, in the order found. */
    void read(Document document, Candidates candidates) {
        for (Element script : document.select("script[type~=(?i)^application/ld\\+json$]")) {
            Object data;
            try {
                data = json.readValue(script.data(), Argument.OBJECT_ARGUMENT);
            } catch (IOException | RuntimeException malformed) {
                continue;  // a broken block on a page is common; the page's other sources still count
            }
            jsonLd(data, candidates, 0);
        }
        for (Element property : document.select("[itemprop], [property]")) {
            if (isSkillProperty(property.attr("itemprop")) || isSkillProperty(property.attr("property"))) {
                markup(property, candidates);
            }
        }
    }

    private static void jsonLd(Object node, Candidates candidates, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof List<?> list) {
            list.forEach(item -> jsonLd(item, candidates, depth + 1));
        } else if (node instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> property : object.entrySet()) {
                if (property.getKey() instanceof String key && SKILL_PROPERTIES.contains(withoutPrefix(key))) {
                    names(property.getValue(), candidates, depth + 1);
                }
            }
            if (hasType(object, "DefinedTermSet") && object.get("name") instanceof String name
                    && SKILLS_SET_NAME.matcher(name).find()) {
                names(object.get("hasDefinedTerm"), candidates, depth + 1);
            }
            object.values().forEach(value -> jsonLd(value, candidates, depth + 1));
        }
    }

    /** A schema.org value naming skills: a text, a thing with a name, a set of defined terms, or a list of those. */
    private static void names(Object value, Candidates candidates, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String text) {
            candidates.named(text, CandidateSource.STRUCTURED_DATA);
        } else if (value instanceof Map<?, ?> thing) {
            if (thing.get("hasDefinedTerm") != null) {
                names(thing.get("hasDefinedTerm"), candidates, depth + 1);
            } else if (thing.get("name") instanceof String name) {
                candidates.named(name, CandidateSource.STRUCTURED_DATA);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> names(item, candidates, depth + 1));
        }
    }

    private static void markup(Element property, Candidates candidates) {
        if (property.hasAttr("content")) {
            candidates.named(property.attr("content"), CandidateSource.STRUCTURED_DATA);
            return;
        }
        Element termName = property.hasAttr("itemscope") ? property.selectFirst("[itemprop~=^name$], [property~=name$]") : null;
        if (termName != null) {
            candidates.named(termName.hasAttr("content") ? termName.attr("content") : termName.text(),
                    CandidateSource.STRUCTURED_DATA);
            return;
        }
        Segments.of(property).forEach(segment ->
                candidates.named(segment.text(), CandidateSource.STRUCTURED_DATA));
    }

    private static boolean isSkillProperty(String attribute) {
        return !attribute.isBlank() && Arrays.stream(attribute.split("\\s+")).map(StructuredData::withoutPrefix)
                .anyMatch(SKILL_PROPERTIES::contains);
    }

    /** {@code schema:skills}, {@code https://schema.org/skills} and {@code skills} are one property. */
    private static String withoutPrefix(String property) {
        int cut = Math.max(property.lastIndexOf(':'), property.lastIndexOf('/'));
        return property.substring(cut + 1);
    }

    private static boolean hasType(Map<?, ?> object, String type) {
        Object declared = object.get("@type");
        if (declared instanceof List<?> types) {
            return types.stream().anyMatch(each -> each instanceof String name && withoutPrefix(name).equals(type));
        }
        return declared instanceof String name && withoutPrefix(name).equals(type);
    }
}
