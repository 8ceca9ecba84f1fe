package org.teamfinder.skills.webpages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.micronaut.json.JsonMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.teamfinder.skills.domain.imports.CandidateSource;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.SkillCandidate;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.imports.port.out.SkillExtractor;

/**
 * Finds the skills on an HTML page with jsoup, where real pages carry them (each with its
 * {@link CandidateSource}):
 * <ul>
 *   <li>schema.org data in JSON-LD, microdata and RDFa ({@link StructuredData});</li>
 *   <li>the page's own content, once navigation, headers, footers, asides and related blocks are gone
 *       ({@link Boilerplate}), read by its sections: skills lists and chips, icon rows, requirements, and
 *       the prose about the work ({@link SkillSections});</li>
 *   <li>tags: links marked {@code rel="tag"}, chips and badges, and {@code <meta name="keywords">}, which
 *       count as tags only on a page that tags itself and as prose otherwise (so only known names count).</li>
 * </ul>
 * The page is decoded with its declared charset, else what the page itself declares, else UTF-8. Parsing
 * is CPU work: it runs on the given executor, off the event loops.
 */
public final class JsoupSkillExtractor implements SkillExtractor {

    /**
     * How deep the parsed tree may nest; deeper elements are kept at this depth. Real pages stay far below
     * it, and it bounds the work a hostile page can ask of the reading (2 MiB of nested tags is 100,000
     * levels).
     */
    static final int MAX_DEPTH = 256;

    private final StructuredData structuredData;
    private final Executor executor;

    public JsoupSkillExtractor(JsonMapper json, Executor executor) {
        this.structuredData = new StructuredData(json);
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
                    page.address().toString(), Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        } catch (IOException e) {
            throw new PageFetchFailed("the page could not be read as HTML: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new PageFetchFailed("the page could not be read as HTML: " + e.getCause().getMessage());
        }
        Candidates candidates = new Candidates();
        structuredData.read(document, candidates);
        List<String> keywords = new ArrayList<>();
        for (Element meta : document.select("meta[name~=(?i)^keywords$][content]")) {
            keywords.addAll(Arrays.asList(meta.attr("content").split(",")));
        }
        for (Element meta : document.select("meta[property~=(?i)^(article|video|book):tag$][content]")) {
            candidates.add(meta.attr("content"), CandidateSource.TAG);  // Open Graph: the page tags itself
        }
        Boilerplate.remove(document);
        Candidates content = new Candidates();
        SkillSections.read(document.body(), candidates.any(CandidateSource.TAG), content);
        CandidateSource keywordSource = content.any(CandidateSource.TAG) || candidates.any(CandidateSource.TAG)
                ? CandidateSource.TAG : CandidateSource.PROSE;
        keywords.forEach(keyword -> candidates.add(keyword, keywordSource));
        content.all().forEach(candidate -> candidates.add(candidate.text(), candidate.source()));
        return candidates.all();
    }
}
