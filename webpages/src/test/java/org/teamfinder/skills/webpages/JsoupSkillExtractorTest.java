package org.teamfinder.skills.webpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.imports.CandidateResolution;
import org.teamfinder.skills.domain.imports.CandidateSource;
import org.teamfinder.skills.domain.imports.PageReading;
import org.teamfinder.skills.domain.imports.SkillCandidate;
import org.teamfinder.skills.domain.imports.SkillNames;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.skill.SkillContent;

/** What the extractor finds in each fixture page, after the domain's normalisation. */
class JsoupSkillExtractorTest {

    private final JsoupSkillExtractor extractor = new JsoupSkillExtractor(JsonMapper.createDefault(), Runnable::run);

    @Test
    void jsonLdSkillsOfJobPostingsAsTextsListsAndDefinedTerms() {
        assertThat(names("job-posting-jsonld.html")).containsExactly("Java", "PostgreSQL", "Micronaut", "Kubernetes", "Terraform", "Prometheus");
    }

    @Test
    void microdataKnowsAboutOfAPersonAndSkillsOfAJobPosting() {
        assertThat(names("team-profile-microdata.html")).containsExactly("Apache Spark", "Data Modeling", "Airflow", "dbt", "Snowflake");
    }

    @Test
    void metaKeywordsAndTagLinks() {
        assertThat(names("blog-post-tags.html")).containsExactly("GraphQL", "TypeScript", "React", "Apollo", "Node.js");
    }

    @Test
    void leafListItemsUnderSkillHeadingsUpToTheNextHeading() {
        assertThat(names("project-stack.html")).containsExactly("Rust", "WebAssembly", "SQLite", "Linux", "GNU Radio", "SDR");
    }

    @Test
    void russianHeadings() {
        assertThat(names("vacancy-ru.html")).containsExactly("Python", "FastAPI", "asyncpg", "Redis");
    }

    @Test
    void theDeclaredCharsetDecodesThePage() throws IOException {
        byte[] cp1251 = new String(fixture("skills-ru-cp1251.html"), StandardCharsets.UTF_8).getBytes("windows-1251");
        WebPage page = new WebPage(URI.create("http://127.0.0.1/p"), 200, cp1251, Optional.of(Charset.forName("windows-1251")));

        assertThat(SkillNames.from(extractor.candidatesNow(page).stream().filter(JsoupSkillExtractorTest::names).map(SkillCandidate::text).toList())).containsExactly("Машинное обучение", "Компьютерное зрение");
    }

    @Test
    void aCharsetDeclaredInThePageItselfIsHonouredWhenTheHeaderHasNone() throws IOException {
        String html = "<html><head><meta charset=\"windows-1251\"></head><body><h2>Стек</h2><ul><li>Кафка</li></ul></body></html>";
        WebPage page = new WebPage(URI.create("http://127.0.0.1/p"), 200, html.getBytes("windows-1251"), Optional.empty());

        assertThat(SkillNames.from(extractor.candidatesNow(page).stream().filter(JsoupSkillExtractorTest::names).map(SkillCandidate::text).toList())).containsExactly("Кафка");
    }

    @Test
    void chipsUnderATitleInAWrapperBoldTitlesAndRequirementsAsSentencesWithoutTheSiteAroundThem() {
        PageReading reading = reading("job-board-chips.html", "Python", "Django", "PostgreSQL", "Docker", "FastAPI", "aiohttp",
                "Kafka", "Go", "Rust", "ClickHouse", "Kotlin", "React", "Java", "Swift");

        assertThat(reading.named()).containsExactly("Kafka", "Python", "Django", "PostgreSQL", "Docker", "Temporal");
        // "Go to market" is not Go; "Знание Go или Rust" is; the aside, related jobs and footer count for nothing.
        assertThat(reading.mentioned()).containsExactly("FastAPI", "aiohttp", "Go", "Rust", "ClickHouse");
    }

    @Test
    void termsCellsUnderAColumnTitleAndBlocksLabelledForToolsWhileLevelsAndPopularSkillsAreLeftOut() {
        PageReading reading = reading("cv-sections.html", "Java", "Spring Boot", "Hibernate", "Terraform", "Ansible", "Grafana",
                "Prometheus", "Jira", "Kubernetes", "Helm", "Kotlin", "AWS", "Swift", "Figma", "Excel");

        assertThat(reading.named()).containsExactly("Java", "Spring Boot", "Hibernate", "Terraform", "Ansible", "Grafana", "Prometheus",
                "Jira", "Kubernetes", "Helm");
        assertThat(reading.mentioned()).as("the experience, in prose; 'Swift delivery' is not Swift").containsExactly("Kotlin", "AWS");
    }

    @Test
    void iconsOfALanguagesAndToolsRowByTheirTitleOrAltTextOrDeviconClass() {
        List<SkillCandidate> candidates = candidates("profile-readme-icons.html");

        assertThat(candidates).filteredOn(candidate -> candidate.source() == CandidateSource.ICON).extracting(SkillCandidate::text)
                .containsExactly("python", "TypeScript", "postgresql", "Svelte", "rust", "Docker");
        assertThat(CandidateResolution.read(candidates, Map.of()).named())
                .containsExactly("python", "TypeScript", "postgresql", "Svelte", "rust", "Docker");
    }

    @Test
    void courseTeachesOccupationSkillsCompetenciesAndSkillTermSets() {
        assertThat(names("course-jsonld.html")).containsExactly("Airflow", "dbt", "SQL", "Apache Spark", "Data modeling");
    }

    @Test
    void keywordsOfAPageThatDoesNotTagItselfCountOnlyWhereKnown() {
        PageReading reading = reading("job-board-chips.html", "Python");

        assertThat(reading.suggested()).doesNotContain("работа", "вакансии", "удалённая работа");
    }

    @Test
    void aPageNestedAsDeepAsTheSizeLimitAllowsIsReadWithoutFailing() {
        String deep = "<div class=\"skills\"><span>Kotlin</span>" + "<div><b>".repeat(100_000) + "Rust" + "</b></div>".repeat(100_000) + "</div>";
        WebPage page = new WebPage(URI.create("http://127.0.0.1/deep"), 200, ("<html><body>" + deep + "</body></html>")
                .getBytes(StandardCharsets.UTF_8), Optional.of(StandardCharsets.UTF_8));

        assertThat(SkillNames.from(extractor.candidatesNow(page).stream().filter(JsoupSkillExtractorTest::names).map(SkillCandidate::text).toList()))
                .contains("Kotlin");
    }

    @Test
    void aPageWithoutSkillsGivesNone() {
        assertThat(names("no-skills.html")).isEmpty();
    }

    /** The fixture read against a catalogue that knows the given names. */
    private PageReading reading(String fixture, String... known) {
        Map<String, String> catalogue = new HashMap<>();
        for (String name : known) {
            catalogue.put(SkillContent.keyOf(name), name);
        }
        return CandidateResolution.read(candidates(fixture), catalogue);
    }

    private List<SkillCandidate> candidates(String fixture) {
        WebPage page = new WebPage(URI.create("http://127.0.0.1/" + fixture), 200, fixture(fixture), Optional.of(StandardCharsets.UTF_8));
        return extractor.candidatesNow(page);
    }

    private List<String> names(String fixture) {
        WebPage page = new WebPage(URI.create("http://127.0.0.1/" + fixture), 200, fixture(fixture), Optional.of(StandardCharsets.UTF_8));
        return SkillNames.from(extractor.candidatesNow(page).stream().filter(JsoupSkillExtractorTest::names).map(SkillCandidate::text).toList());
    }

    /** Candidates that name skills, as opposed to prose that only mentions them. */
    private static boolean names(SkillCandidate candidate) {
        return candidate.source() != CandidateSource.PROSE;
    }

    private static byte[] fixture(String name) {
        try (InputStream in = JsoupSkillExtractorTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
