package org.teamfinder.skills.webpages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The pieces of text a block of a page is made of, as a reader sees them apart: each list item, chip, tag,
 * link, cell or paragraph on its own, line breaks kept as new lines, while bold, italics and the like stay
 * part of the text around them. Icons count by their {@code title} or {@code alt}.
 */
final class Segments {

    /** Elements that format text inside a piece rather than make a piece of their own. */
    private static final Set<String> INLINE = Set.of("b", "strong", "i", "em", "small", "big", "sup", "sub", "u", "s",
            "mark", "abbr", "font", "code", "kbd", "tt", "q", "cite", "dfn", "time", "br", "wbr", "svg", "img", "picture");
    private static final Set<String> SILENT = Set.of("svg", "img", "picture", "script", "style", "template");
    private static final Pattern ICON_LIST = Pattern.compile("/icons\\?(?:[^#]*&)?i(?:cons)?=([a-z0-9.+#-]+(?:,[a-z0-9.+#-]+)+)");
    private static final Pattern DEVICON = Pattern.compile("(?:^|\\s)devicon-([a-z0-9]+)-");
    private static final Pattern ICON_NOISE = Pattern.compile(
            "(?iu)(\\.(svg|png|jpe?g|gif|webp)$)|[-_\\s]*(logo|icon|badge|original|plain|colored|wordmark)\\b[-_\\s]*");

    private Segments() {
    }

    /** A piece of text and the element that holds it. */
    record Segment(String text, Element item) {
    }

    static List<Segment> of(Element root) {
        List<Segment> segments = new ArrayList<>();
        collect(root, segments);
        return segments;
    }

    /**
     * The names icons carry in a block: the title of each image, else its alt text, tidied of "logo" and the
     * like; the title or ARIA label of an empty element drawn by an icon font; and the name in a Devicon
     * class ({@code <i class="devicon-python-plain">}).
     */
    static List<String> icons(Element root) {
        List<String> names = new ArrayList<>();
        for (Element image : root.select("img[alt], img[title], svg[aria-label], [role=img][aria-label], i, span:empty[title]")) {
            String text = image.hasAttr("title") && !image.attr("title").isBlank() ? image.attr("title")
                    : image.hasAttr("alt") ? image.attr("alt") : image.attr("aria-label");
            List<String> listed = listedInAddress(image);
            if (!listed.isEmpty()) {
                names.addAll(listed);
                continue;
            }
            if (text.isBlank() && image.is("i")) {
                Matcher devicon = DEVICON.matcher(image.className());
                text = devicon.find() ? devicon.group(1) : "";
            }
            if (image.is("i, span") && !image.text().isBlank()) {
                continue;  // text, not an icon: read as text
            }
            String name = ICON_NOISE.matcher(text.strip()).replaceAll(" ").strip().replace('_', '-');
            if (!name.isEmpty() && name.length() <= 40 && !name.toLowerCase(Locale.ROOT).startsWith("http")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The icons one image shows when its address lists them, as skillicons.dev's do ({@code icons?i=go,react}),
     * also behind an image proxy that keeps the original address in {@code data-canonical-src}.
     */
    private static List<String> listedInAddress(Element image) {
        String address = image.hasAttr("data-canonical-src") ? image.attr("data-canonical-src") : image.attr("src");
        Matcher listed = ICON_LIST.matcher(URLDecoder.decode(address, StandardCharsets.UTF_8));
        return listed.find() ? List.of(listed.group(1).split(",")) : List.of();
    }

    static boolean isInline(Element element) {
        return INLINE.contains(element.normalName());
    }

    private static void collect(Element element, List<Segment> segments) {
        if (SILENT.contains(element.normalName())) {
            return;
        }
        if (element.children().stream().allMatch(Segments::isInline)) {
            add(text(element), element, segments);
            return;
        }
        StringBuilder loose = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                loose.append(text.text());
            } else if (child instanceof Element inline && isInline(inline)) {
                loose.append(text(inline));
            } else if (child instanceof Element block) {
                add(loose.toString(), element, segments);
                loose.setLength(0);
                collect(block, segments);
            }
        }
        add(loose.toString(), element, segments);
    }

    private static void add(String text, Element item, List<Segment> segments) {
        String stripped = text.strip();
        if (!stripped.isEmpty()) {
            segments.add(new Segment(stripped, item));
        }
    }

    /** The text of an element with its line breaks as new lines, leaving out what icons and scripts hold. */
    static String text(Element element) {
        StringBuilder text = new StringBuilder();
        appendText(element, text);
        return text.toString();
    }

    private static void appendText(Element element, StringBuilder text) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode node) {
                text.append(node.text());
            } else if (child instanceof Element inner) {
                if (inner.normalName().equals("br")) {
                    text.append('\n');
                } else if (!SILENT.contains(inner.normalName())) {
                    boolean block = !isInline(inner);
                    if (block) {
                        text.append('\n');
                    }
                    appendText(inner, text);
                    if (block) {
                        text.append('\n');
                    }
                }
            }
        }
    }
}
