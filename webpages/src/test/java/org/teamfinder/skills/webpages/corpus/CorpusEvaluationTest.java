package org.teamfinder.skills.webpages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.imports.CandidateResolution;
import org.teamfinder.skills.domain.imports.CandidateSource;
import org.teamfinder.skills.domain.imports.PageReading;
import org.teamfinder.skills.domain.imports.SkillCandidate;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.webpages.JsoupSkillExtractor;

/**
 * How well imports read pages: two labelled corpora of pages written for this project in the layouts real
 * sites use, each page with the skills a person would list, read by the extractor against a catalogue
 * holding the starter vocabulary, as a new installation has it. The development corpus
 * ({@code src/test/resources/corpus}) is what the extractor was tuned on; the held-out corpus
 * ({@code src/test/resources/corpus-heldout}) was written afterwards by someone who saw neither the rules
 * nor the other corpus, and no rule was tuned on it: its figures are the honest ones. A page's skills are
 * what an import would store: the names strong sources give and the known skills weaker ones mention.
 * Prints precision, recall and F1 overall, per source, per layout and per language ({@code bench/extraction.sh}
 * shows them; {@code -Dcorpus.details=true} adds what each page missed and what it found wrongly), and fails
 * when F1 falls below {@value #F1_FLOOR} on the development corpus or {@value #HELD_OUT_F1_FLOOR} on the
 * held-out one (each a little under its figure when this was written), so that a change that reads pages
 * worse does not land unnoticed.
 */
class CorpusEvaluationTest {

    static final double F1_FLOOR = 0.88;
    static final double HELD_OUT_F1_FLOOR = 0.83;
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static final Path HELD_OUT = Path.of("src", "test", "resources", "corpus-heldout");
    private static final Path VOCABULARY = Path.of("..", "api", "src", "main", "resources", "vocabulary", "starter-skills.tsv");

    private final JsoupSkillExtractor extractor = new JsoupSkillExtractor(JsonMapper.createDefault(), Runnable::run);
    private final Map<String, String> vocabulary = vocabulary();

    @Test
    void theDevelopmentCorpusIsReadWellEnough() throws IOException {
        Tally overall = evaluate("development corpus", CORPUS, 30);

        assertThat(overall.f1()).as("F1 over the development corpus").isGreaterThanOrEqualTo(F1_FLOOR);
    }

    @Test
    void theHeldOutCorpusIsReadWellEnough() throws IOException {
        Tally overall = evaluate("held-out corpus", HELD_OUT, 20);

        assertThat(overall.f1()).as("F1 over the held-out corpus").isGreaterThanOrEqualTo(HELD_OUT_F1_FLOOR);
    }

    private Tally evaluate(String title, Path corpus, int atLeast) throws IOException {
        List<Page> pages = labelledPages(corpus);
        Tally overall = new Tally();
        Map<String, Tally> bySource = new LinkedHashMap<>();
        Map<String, Tally> byLayout = new TreeMap<>();
        Map<String, Tally> byLanguage = new TreeMap<>();
        StringBuilder details = new StringBuilder();
        for (Page page : pages) {
            List<SkillCandidate> candidates = extractor.candidates(page.webPage(corpus)).toCompletableFuture().join();
            Set<String> expected = page.skills().stream().map(this::canonicalKey).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> found = stored(candidates);
            overall.add(found, expected);
            byLayout.computeIfAbsent(page.layout(), layout -> new Tally()).add(found, expected);
            byLanguage.computeIfAbsent(page.language(), language -> new Tally()).add(found, expected);
            for (CandidateSource source : CandidateSource.values()) {
                Set<String> fromSource = stored(candidates.stream().filter(candidate -> candidate.source() == source).toList());
                bySource.computeIfAbsent(source.name(), key -> new Tally()).add(fromSource, expected);
            }
            Set<String> missed = new LinkedHashSet<>(expected);
            missed.removeAll(found);
            Set<String> wrong = new LinkedHashSet<>(found);
            wrong.removeAll(expected);
            if (!missed.isEmpty() || !wrong.isEmpty()) {
                details.append(String.format("%-50s missed %s%n%-50s wrong  %s%n", page.file(), missed, "", wrong));
            }
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format("%s (%s): %d pages, %d labelled skills%n%n", title, corpus, pages.size(), overall.labels));
        report.append(Tally.HEADER);
        report.append(overall.row("overall"));
        report.append(String.format("%nby source (a source's precision; its recall is the share of all labelled skills it finds alone)%n"));
        bySource.forEach((source, tally) -> report.append(tally.row(source.toLowerCase(Locale.ROOT))));
        report.append(String.format("%nby layout%n"));
        byLayout.forEach((layout, tally) -> report.append(tally.row(layout)));
        report.append(String.format("%nby language%n"));
        byLanguage.forEach((language, tally) -> report.append(tally.row(language)));
        System.out.println(report);
        if (Boolean.getBoolean("corpus.details")) {
            System.out.println(details);
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(atLeast);
        return overall;
    }

    /** The keys of the skills an import of the page would store: new ones by name, known ones by their canonical name. */
    private Set<String> stored(List<SkillCandidate> candidates) {
        Map<String, String> known = new HashMap<>();
        for (String key : CandidateResolution.keysToLookUp(candidates)) {
            Optional.ofNullable(vocabulary.get(key)).ifPresent(name -> known.put(key, name));
        }
        PageReading reading = CandidateResolution.read(candidates, known);
        Set<String> keys = new LinkedHashSet<>();
        reading.named().forEach(name -> keys.add(canonicalKey(name)));
        reading.mentioned().forEach(name -> keys.add(canonicalKey(name)));
        return keys;
    }

    private String canonicalKey(String name) {
        return SkillContent.keyOf(vocabulary.getOrDefault(SkillContent.keyOf(name), name));
    }

    /** The starter vocabulary as the catalogue knows it: each name's and alias's key, to the canonical name. */
    private static Map<String, String> vocabulary() {
        Map<String, String> known = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(VOCABULARY, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", -1);
                known.putIfAbsent(SkillContent.keyOf(fields[0]), fields[0]);
                if (fields.length > 2 && !fields[2].isBlank()) {
                    Arrays.stream(fields[2].split("\\|")).forEach(alias -> known.putIfAbsent(SkillContent.keyOf(alias), fields[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return known;
    }

    private static List<Page> labelledPages(Path corpus) throws IOException {
        List<Page> pages = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus.resolve("labels.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            List<String> skills = fields.length < 4 || fields[3].isBlank() ? List.of()
                    : Arrays.stream(fields[3].split("\\|")).map(String::strip).filter(skill -> !skill.isEmpty()).toList();
            pages.add(new Page(fields[0], fields[1], fields[2], skills));
        }
        return pages;
    }

    private record Page(String file, String layout, String language, List<String> skills) {
        WebPage webPage(Path corpus) {
            try {
                byte[] body = Files.readAllBytes(corpus.resolve("pages").resolve(file));
                return new WebPage(URI.create("http://127.0.0.1/corpus/" + file), 200, body, Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Counts of skills found, found rightly, and labelled, and what follows from them. */
    private static final class Tally {

        static final String HEADER = String.format("%-22s %9s %9s %9s %6s %6s %6s%n", "", "precision", "recall", "F1", "found", "right", "labels");

        int found;
        int right;
        int labels;

        void add(Set<String> found, Set<String> expected) {
            this.found += found.size();
            this.right += (int) found.stream().filter(expected::contains).count();
            this.labels += expected.size();
        }

        double precision() {
            return found == 0 ? 1 : (double) right / found;
        }

        double recall() {
            return labels == 0 ? 1 : (double) right / labels;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String row(String name) {
            return String.format("%-22s %9.3f %9.3f %9.3f %6d %6d %6d%n", name, precision(), recall(), f1(), found, right, labels);
        }
    }
}
