package org.teamfinder.skills.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamfinder.skills.api.imports.ImportJobs.awaitFinished;
import static org.teamfinder.skills.api.imports.ImportJobs.page;
import static org.teamfinder.skills.api.imports.ImportJobs.pages;
import static org.teamfinder.skills.api.imports.ImportJobs.progress;
import static org.teamfinder.skills.api.imports.ImportJobs.skillNames;
import static org.teamfinder.skills.api.imports.ImportJobs.submit;
import static org.teamfinder.skills.api.imports.ImportJobs.suggestions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teamfinder.skills.webpages.testing.FixtureSite;
import org.teamfinder.skills.api.testing.RunningService;

/**
 * Importing skills from web pages end to end: the service fetches fixture pages from a local site (the
 * only address its allow-list opens), reads them, and fills the catalogue.
 */
class WebPageImportTest {

    private static final FixtureSite SITE = new FixtureSite();

    static {
        SITE.robots(200, "User-agent: *\nDisallow: /private/\n");
    }

    @RegisterExtension
    static final RunningService service = new RunningService().with(Map.of(
            "skills.imports.runner-enabled", true,
            "skills.imports.allowed-hosts", "127.0.0.1:" + SITE.port(),
            "skills.imports.poll-interval", "50ms",
            "skills.imports.page-timeout", "1s"));

    @AfterAll
    static void closeSite() {
        SITE.close();
    }

    @BeforeEach
    void emptyCatalogue() {
        service.database().truncate();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            JSON-LD JobPosting skills, also in @graph      | /pages/job-posting-jsonld.html    | Java;PostgreSQL;Micronaut;Kubernetes;Terraform;Prometheus
            microdata Person knowsAbout, JobPosting skills | /pages/team-profile-microdata.html | Apache Spark;Data Modeling;Airflow;dbt;Snowflake
            lists under Tech Stack and Requirements        | /pages/project-stack.html         | Rust;WebAssembly;SQLite;Linux;GNU Radio;SDR
            lists under Russian headings                   | /pages/vacancy-ru.html            | Python;FastAPI;asyncpg;Redis
            a windows-1251 page, charset from Content-Type | /cp1251/skills-ru-cp1251.html     | Машинное обучение;Компьютерное зрение
            a page without skills                          | /pages/no-skills.html             |
            """)
    void skillsAreReadFromEachSourceAndJunkIsDropped(String source, String path, String expected) {
        List<String> names = expected == null ? List.of() : List.of(expected.split(";"));

        Map<String, Object> job = awaitFinished(service, submit(service, List.of(SITE.url(path)), null));

        assertThat(page(job, 0)).containsEntry("state", "done").containsEntry("httpStatus", 200).containsEntry("skillsFound", names.size());
        assertThat(skillNames(service)).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void aJobIsAcceptedAtOnceAndReportsEveryPage() {
        RunningService.Response accepted = service.post("/skills/imports",
                "{\"urls\": [\"" + SITE.url("/pages/project-stack.html") + "\", \"" + SITE.url("/missing") + "\"], \"category\": \"Web\"}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Location")).matches("/skills/imports/[0-9a-f-]{36}");
        assertThat(accepted.json()).containsEntry("state", "queued").containsEntry("category", "Web");
        Map<String, Object> job = awaitFinished(service, accepted.header("Location"));
        assertThat(job.get("finishedAt")).isNotNull();
        assertThat(progress(job)).containsEntry("pagesTotal", 2).containsEntry("pagesDone", 2).containsEntry("pagesFailed", 1)
                .containsEntry("skillsFound", 6).containsEntry("skillsCreated", 6).containsEntry("skillsAlreadyPresent", 0);
        assertThat(page(job, 0)).containsEntry("url", SITE.url("/pages/project-stack.html")).containsEntry("error", null);
        assertThat(page(job, 1)).containsEntry("state", "failed").containsEntry("httpStatus", 404)
                .containsEntry("error", "the server answered 404 Not Found");
        assertThat(service.get("/skills?category=Web").jsonList()).hasSize(6);
    }

    @Test
    void tagsAndKeywordsCountKnownSkillsAndSuggestTheRestToACurator() {
        service.post("/skills", "{\"name\": \"React\"}");

        Map<String, Object> job = awaitFinished(service, submit(service, List.of(SITE.url("/pages/blog-post-tags.html")), "Web"));

        assertThat(page(job, 0)).containsEntry("skillsFound", 1).containsEntry("skillsCreated", 0).containsEntry("skillsAlreadyPresent", 1);
        assertThat(skillNames(service)).containsExactly("React");
        assertThat(suggestions(job)).extracting(suggestion -> suggestion.get("name"))
                .containsExactlyInAnyOrder("GraphQL", "TypeScript", "Apollo", "Node.js");
        assertThat(suggestions(job)).allSatisfy(suggestion -> assertThat(suggestion).containsEntry("state", "open").containsEntry("pages", 1)
                .containsEntry("skillId", null));
        String path = "/skills/imports/" + job.get("id") + "/suggestions";

        RunningService.Response accepted = service.call("PATCH", path, "{\"name\": \"graphql\", \"state\": \"accepted\"}");
        RunningService.Response dismissed = service.call("PATCH", path, "{\"name\": \"Apollo\", \"state\": \"dismissed\"}");
        RunningService.Response again = service.call("PATCH", path, "{\"name\": \"Apollo\", \"state\": \"accepted\"}");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json()).containsEntry("name", "GraphQL").containsEntry("state", "accepted");
        Map<String, Object> graphQl = service.get("/skills/resolve?name=GraphQL").json();
        assertThat(graphQl).containsEntry("category", "Web").containsEntry("id", accepted.json().get("skillId"));
        assertThat(dismissed.json()).containsEntry("state", "dismissed").containsEntry("skillId", null);
        assertThat(again.json()).as("the first decision stays").containsEntry("state", "dismissed");
        assertThat(skillNames(service)).containsExactlyInAnyOrder("React", "GraphQL");
        assertThat(service.call("PATCH", path, "{\"name\": \"Svelte\", \"state\": \"accepted\"}").json())
                .containsEntry("type", "urn:teamfinder:problem:import-suggestion-not-found");
        RunningService.Response invalid = service.call("PATCH", path, "{\"name\": \"TypeScript\", \"state\": \"maybe\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors")).asList().contains(Map.of("field", "state", "message", "must be accepted or dismissed, not 'maybe'"));
    }

    @Test
    void aCancelledJobFetchesNoPageNotStartedYet() {
        List<String> urls = java.util.stream.IntStream.range(0, 20).mapToObj(i -> SITE.url("/slow?ms=200&test=cancel&n=" + i)).toList();
        String location = submit(service, urls, null);

        RunningService.Response cancelled = service.call("POST", location + "/cancel", null);
        RunningService.Response again = service.call("POST", location + "/cancel", null);
        Map<String, Object> job = awaitFinished(service, location);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelledAt")).isNotNull();
        assertThat(again.json().get("cancelledAt")).isEqualTo(cancelled.json().get("cancelledAt"));
        assertThat(job).containsEntry("state", "cancelled");
        List<Map<String, Object>> pages = pages(job);
        assertThat(pages).filteredOn(page -> "cancelled".equals(page.get("state"))).isNotEmpty();
        for (int i = 0; i < pages.size(); i++) {
            boolean fetched = SITE.hits("/slow?ms=200&test=cancel&n=" + i) > 0;
            assertThat(pages.get(i).get("state")).as("page %d, fetched: %s", i, fetched).isEqualTo(fetched ? "done" : "cancelled");
        }
        assertThat(service.call("POST", "/skills/imports/00000000-0000-4000-8000-000000000000/cancel", null).status()).isEqualTo(404);
    }

    @Test
    void aPageImportedBeforeIsReadAgainOnlyIfItChanged() {
        String url = SITE.url("/versioned/project-stack.html");

        Map<String, Object> first = awaitFinished(service, submit(service, List.of(url), null));
        Map<String, Object> second = awaitFinished(service, submit(service, List.of(url), null));
        SITE.newVersion();
        Map<String, Object> third = awaitFinished(service, submit(service, List.of(url), null));

        assertThat(page(first, 0)).containsEntry("httpStatus", 200).containsEntry("unchanged", false).containsEntry("skillsFound", 6);
        assertThat(page(second, 0)).containsEntry("state", "done").containsEntry("httpStatus", 304).containsEntry("unchanged", true)
                .containsEntry("skillsFound", 0);
        assertThat(page(third, 0)).containsEntry("httpStatus", 200).containsEntry("unchanged", false).containsEntry("skillsAlreadyPresent", 6);
    }

    @Test
    void aPageTheSitesRobotsTxtDisallowsIsNotFetched() {
        Map<String, Object> job = awaitFinished(service, submit(service, List.of(SITE.url("/private/team.html")), null));

        assertThat(page(job, 0)).containsEntry("state", "failed")
                .containsEntry("error", "not fetched: the site's robots.txt does not allow TeamFinderSkillsBot to fetch this page");
        assertThat(SITE.hits("/private/team.html")).isZero();
        assertThat(SITE.lastUserAgent()).startsWith("TeamFinderSkillsBot/1.0");
    }

    @Test
    void importingTheSamePageAgainCreatesNothingNew() {
        service.post("/skills", "{\"name\": \"java\"}");
        String url = SITE.url("/pages/job-posting-jsonld.html");

        Map<String, Object> first = awaitFinished(service, submit(service, List.of(url), null));
        Map<String, Object> second = awaitFinished(service, submit(service, List.of(url), null));

        assertThat(progress(first)).containsEntry("skillsCreated", 5).containsEntry("skillsAlreadyPresent", 1);
        assertThat(progress(second)).containsEntry("skillsCreated", 0).containsEntry("skillsAlreadyPresent", 6);
        assertThat(skillNames(service)).hasSize(6).contains("java").doesNotContain("Java");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            five redirects are followed  | /redirect/5 | done   | 200 |
            a sixth is refused           | /redirect/6 | failed | 302 | more than 5 redirects
            an over-size page            | /big        | failed | 200 | the page is larger than 2048 KiB (the size limit for a page)
            an over-size page, chunked   | /big-chunked| failed | 200 | the page is larger than 2048 KiB (the size limit for a page)
            a PDF                        | /pdf        | failed | 200 | the answer is application/pdf, not an HTML page
            a page slower than the limit | /slow?ms=3000 | failed |     | no complete answer within 1 s (the time limit for a page)
            """)
    void limitsTurnIntoPlainWordsErrors(String limit, String path, String state, Integer status, String error) {
        Map<String, Object> job = awaitFinished(service, submit(service, List.of(SITE.url(path)), null));

        assertThat(page(job, 0)).containsEntry("state", state).containsEntry("httpStatus", status).containsEntry("error", error);
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        Map<String, Object> job = awaitFinished(service, submit(service, List.of(SITE.url("/redirect-to?ftp://127.0.0.1/x")), null));

        assertThat(page(job, 0)).containsEntry("state", "failed")
                .containsEntry("error", "redirected to 'ftp://127.0.0.1/x', which is not an http or https address the service can fetch");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a name that resolves to loopback    | http://localhost:{port}/pages/no-skills.html?via=localhost | localhost resolves to 127.0.0.1
            another loopback address            | http://127.0.0.2:{port}/pages/no-skills.html               | 127.0.0.2 resolves to 127.0.0.2
            IPv6 loopback                       | http://[::1]:{port}/pages/no-skills.html                   | resolves to 0:0:0:0:0:0:0:1
            a private network                   | http://10.20.30.40/jobs                                    | 10.20.30.40 resolves to 10.20.30.40
            cloud metadata (link-local)         | http://169.254.169.254/latest/meta-data/                   | 169.254.169.254 resolves to 169.254.169.254
            IPv4-mapped IPv6 loopback           | http://[::ffff:127.0.0.1]:{port}/pages/no-skills.html      | resolves to 127.0.0.1
            the allowed host on another port    | http://127.0.0.1:{closed}/pages/no-skills.html             | 127.0.0.1 resolves to 127.0.0.1
            """)
    void nonPublicAddressesAreRefusedBeforeAnyRequest(String what, String template, String reason) {
        int before = SITE.totalHits();

        Map<String, Object> job = awaitFinished(service, submit(service, List.of(template.replace("{port}", "" + SITE.port()).replace("{closed}", "" + FixtureSite.closedPort())), null));

        assertThat(page(job, 0)).containsEntry("state", "failed");
        assertThat((String) page(job, 0).get("error")).startsWith("refused: ").contains(reason).contains("not a public address");
        assertThat(SITE.totalHits()).isEqualTo(before);
    }

    @Test
    void aRedirectFromTheAllowedSiteToAPrivateAddressIsRefused() {
        String target = "http://localhost:" + SITE.port() + "/pages/job-posting-jsonld.html?via=redirect";

        Map<String, Object> job = awaitFinished(service, submit(service, List.of(SITE.url("/redirect-to?" + target)), null));

        assertThat(page(job, 0)).containsEntry("state", "failed");
        assertThat((String) page(job, 0).get("error")).startsWith("refused: localhost resolves to 127.0.0.1");
        assertThat(SITE.hits("/pages/job-posting-jsonld.html?via=redirect")).isZero();
        assertThat(skillNames(service)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no URLs                  | {"urls": []}                                  | urls     | must hold 1 to 500 URLs (had 0)
            urls missing             | {"category": "Web"}                           | urls     | is required
            not http                 | {"urls": ["https://a.example/", "ftp://b/"]}  | urls[1]  | must be an absolute http or https URL
            relative                 | {"urls": ["/jobs/1"]}                         | urls[0]  | must be an absolute http or https URL
            credentials in the URL   | {"urls": ["https://me:pw@a.example/"]}        | urls[0]  | must not carry a user name or password
            not a string             | {"urls": [42]}                                | urls[0]  | must be a URL string, not a number
            not a list               | {"urls": "https://a.example/"}                | urls     | must be a list of URLs, not a string
            unknown field            | {"urls": ["https://a.example/"], "depth": 2}  | depth    | is not a field of an import request (expected urls, category)
            bad category             | {"urls": ["https://a.example/"], "category": 7} | category | must be a string, not a number
            """)
    void badRequestsAreRefusedWith400NamingTheField(String what, String body, String field, String message) {
        RunningService.Response response = service.post("/skills/imports", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json()).containsEntry("type", "urn:teamfinder:problem:invalid-import-request");
        assertThat(response.json().get("errors")).asList().contains(Map.of("field", field, "message", message));
    }

    @Test
    void moreThan500UrlsAreRefused() {
        String urls = String.join(", ", java.util.Collections.nCopies(501, "\"https://a.example/\""));

        RunningService.Response response = service.post("/skills/imports", "{\"urls\": [" + urls + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors")).asList().contains(Map.of("field", "urls", "message", "must hold at most 500 URLs"));
    }

    @ParameterizedTest
    @CsvSource({"/skills/imports/00000000-0000-4000-8000-000000000000", "/skills/imports/not-a-job"})
    void anUnknownJobIs404(String path) {
        RunningService.Response response = service.get(path);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).containsEntry("type", "urn:teamfinder:problem:import-job-not-found");
    }
}
