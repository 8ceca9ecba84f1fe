package org.teamfinder.skills.webpages;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page carries around its own content, removed before the page is read: navigation, banners and
 * footers of the site (not the header or footer of an article, where its tags live), asides, ARIA
 * landmarks of the same kinds, and blocks whose class or id says they are menus, breadcrumbs, sidebars,
 * related or popular items, cookie banners, sharing buttons, advertising, reviews or comments (what others say
 * is about them, not the page). A block that holds the page's
 * main content ({@code main}, {@code article} or its {@code h1}) is never removed, whatever its class says.
 */
final class Boilerplate {

    private static final String LANDMARKS = "nav, aside, dialog, noscript, template, "
            + "[role~=(?i)^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alertdialog)$], "
            + "[aria-hidden=true]";
    private static final Set<String> NOISE_WORDS = Set.of("nav", "navbar", "navigation", "menu", "breadcrumb",
            "breadcrumbs", "sidebar", "related", "similar", "popular", "recommended", "recommendations", "recommend",
            "trending", "cookie", "cookies", "consent", "share", "sharing", "social", "advert", "advertisement", "ads",
            "newsletter", "subscribe", "pagination", "pager", "toc", "testimonial", "testimonials", "review",
            "reviews", "comment", "comments");
    private static final Pattern WORD_BREAKS = Pattern.compile("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})");

    private Boilerplate() {
    }

    static void remove(Document document) {
        for (Element element : document.body().select(LANDMARKS)) {
            removeUnlessMain(element);
        }
        for (Element element : document.body().select("header, footer")) {
            if (element.closest("main, article, [role=main]") == null) {
                removeUnlessMain(element);
            }
        }
        for (Element element : document.body().select("[class], [id]")) {
            if (element.parent() != null && (noisy(element.className()) || noisy(element.id()))) {
                removeUnlessMain(element);
            }
        }
    }

    /** Whether a class or id names a kind of block that is not the page's own content. */
    static boolean noisy(String attribute) {
        return words(attribute).anyMatch(NOISE_WORDS::contains);
    }

    static java.util.stream.Stream<String> words(String attribute) {
        return Arrays.stream(WORD_BREAKS.split(attribute)).filter(word -> !word.isEmpty()).map(word -> word.toLowerCase(Locale.ROOT));
    }

    private static void removeUnlessMain(Element element) {
        if (element.parent() != null && element.selectFirst("main, article, h1, [role=main]") == null) {
            element.remove();
        }
    }
}
