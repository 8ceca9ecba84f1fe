package org.teamfinder.skills.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.webpages.testing.FixtureSite;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.imports.ImportState;
import org.teamfinder.skills.domain.imports.PageState;
import org.teamfinder.skills.domain.imports.WorkRequest;
import org.teamfinder.skills.domain.imports.port.in.ImportSkills;
import org.teamfinder.skills.domain.imports.port.in.ImportWork;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/**
 * Import runners of several service instances on one database: each page is fetched once, a stopped
 * instance's work is resumed by the next one, and pages held by an instance that died are taken over when
 * their lease runs out.
 */
class ImportRunnersTest {

    private static final FixtureSite SITE = new FixtureSite();
    private static TestDatabase database;
    private final List<EmbeddedServer> instances = new java.util.ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        SITE.close();
        database.close();
    }

    @BeforeEach
    void migrated() {
        instance(false).getApplicationContext().close();
        database.truncate();
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(instance -> instance.getApplicationContext().close());
        instances.clear();
    }

    @Test
    void twoInstancesStartedTogetherShareAJobAndFetchEveryUrlOnce() {
        EmbeddedServer first = instance(true);
        EmbeddedServer second = instance(true);
        List<String> urls = urls("together", 60, 100);

        ImportJob job = awaitFinished(first, imports(second).submit(ImportRequest.of(urls, null)).toCompletableFuture().join().id());

        assertThat(job.progress().pagesDone()).isEqualTo(60);
        assertThat(job.pages()).allSatisfy(page -> assertThat(page.state()).isEqualTo(PageState.DONE));
        urls.forEach(url -> assertThat(SITE.hits(url.substring(url.indexOf("/slow")))).as(url).isEqualTo(1));
        assertThat(pagesFinished(first)).isPositive();
        assertThat(pagesFinished(second)).isPositive();
        assertThat(pagesFinished(first) + pagesFinished(second)).isEqualTo(60);
    }

    @Test
    void twoInstancesKeepOneHostsDelayBetweenThem() {
        Map<String, Object> polite = Map.of("skills.imports.min-delay-per-host", "300ms");
        EmbeddedServer first = instance(true, polite);
        EmbeddedServer second = instance(true, polite);
        List<String> urls = urls("polite", 6, 10);

        ImportJob job = awaitFinished(first, imports(second).submit(ImportRequest.of(urls, null)).toCompletableFuture().join().id());

        assertThat(job.progress().pagesDone()).isEqualTo(6);
        List<FixtureSite.Arrival> arrivals = SITE.arrivals().stream().filter(arrival -> arrival.pathAndQuery().contains("test=polite")).toList();
        assertThat(arrivals).hasSize(6);
        // Slots are 300 ms apart when the requests leave; arrivals carry each connection's jitter. Without the
        // shared slots the two instances would fetch side by side, with gaps near zero.
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i).nanos() - arrivals.get(i - 1).nanos())).as("gap before page %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
        assertThat(Duration.ofNanos(arrivals.get(5).nanos() - arrivals.get(0).nanos())).as("five gaps")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        assertThat(pagesFinished(first) + pagesFinished(second)).isEqualTo(6);
    }

    @Test
    void anInstanceStartedAfterAnotherStoppedFinishesItsJob() {
        EmbeddedServer stopping = instance(true);
        List<String> urls = urls("restart", 12, 300);
        UUID id = imports(stopping).submit(ImportRequest.of(urls, null)).toCompletableFuture().join().id();
        awaitPagesDone(stopping, id, 2);

        stopping.getApplicationContext().close();
        instances.remove(stopping);
        ImportJob interrupted = imports(instance(false)).find(id).toCompletableFuture().join();
        assertThat(interrupted.state()).isEqualTo(ImportState.RUNNING);
        assertThat(interrupted.pages()).noneMatch(page -> page.state() == PageState.FETCHING);
        EmbeddedServer next = instance(true);

        ImportJob job = awaitFinished(next, id);
        assertThat(job.progress().pagesDone()).isEqualTo(12);
        assertThat(job.progress().pagesFailed()).isZero();
        assertThat(pagesFinished(next)).isEqualTo(12 - interrupted.progress().pagesDone());
        urls.forEach(url -> assertThat(SITE.hits(url.substring(url.indexOf("/slow")))).as(url).isEqualTo(1));
    }

    @Test
    void pagesHeldByAnInstanceThatDiedAreTakenOverWhenTheirLeaseRunsOut() {
        EmbeddedServer dead = instance(false);
        List<String> urls = urls("lease", 5, 10);
        UUID id = imports(dead).submit(ImportRequest.of(urls, null)).toCompletableFuture().join().id();
        // What a dead instance leaves behind: its claims, with a lease that runs out in a second.
        assertThat(dead.getApplicationContext().getBean(ImportWork.class)
                .claim(new WorkRequest("runner-that-died", 10, 10, Map.of(), Duration.ofSeconds(1))).toCompletableFuture().join())
                .hasSize(5);
        EmbeddedServer survivor = instance(true);

        ImportJob job = awaitFinished(survivor, id);

        assertThat(job.progress().pagesDone()).isEqualTo(5);
        assertThat(job.pages()).allSatisfy(page -> assertThat(page.state()).isEqualTo(PageState.DONE));
        assertThat(pagesFinished(survivor)).isEqualTo(5);
    }

    @Test
    void pagesInFlightStayWithinTheLimitsInAllAndPerHost() {
        EmbeddedServer instance = instance(true, Map.of("skills.imports.max-pages-in-flight", 6, "skills.imports.max-pages-per-host", 4,
                "skills.imports.allowed-hosts", "127.0.0.1:" + SITE.port() + ",localhost:" + SITE.port()));
        List<String> urls = new java.util.ArrayList<>(urls("limits", 30, 150));
        IntStream.range(0, 30).mapToObj(i -> "http://localhost:" + SITE.port() + "/slow?ms=150&test=limits-by-name&n=" + i).forEach(urls::add);

        ImportJob job = awaitFinished(instance, imports(instance).submit(ImportRequest.of(urls, null)).toCompletableFuture().join().id());

        assertThat(job.progress().pagesDone()).isEqualTo(60);
        assertThat(job.progress().pagesFailed()).isZero();
        assertThat(SITE.mostInFlight()).isBetween(5, 6);
        assertThat(SITE.mostInFlight("127.0.0.1:" + SITE.port())).isBetween(2, 4);
        assertThat(SITE.mostInFlight("localhost:" + SITE.port())).isBetween(2, 4);
    }

    private EmbeddedServer instance(boolean runner) {
        return instance(runner, Map.of());
    }

    private EmbeddedServer instance(boolean runner, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.security.enabled", false);
        properties.put("skills.imports.allowed-hosts", "127.0.0.1:" + SITE.port());
        properties.put("skills.imports.poll-interval", "50ms");
        properties.put("skills.imports.max-pages-per-host", 2);
        properties.put("skills.imports.runner-enabled", runner);
        properties.put("skills.imports.min-delay-per-host", "0ms");
        properties.putAll(overrides);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        instances.add(server);
        return server;
    }

    private static List<String> urls(String test, int count, int millis) {
        return IntStream.range(0, count).mapToObj(i -> SITE.url("/slow?ms=" + millis + "&test=" + test + "&n=" + i)).toList();
    }

    private static ImportSkills imports(EmbeddedServer instance) {
        return instance.getApplicationContext().getBean(ImportSkills.class);
    }

    /** Pages the instance's runner imported, from its metric. */
    private static long pagesFinished(EmbeddedServer instance) {
        return (long) instance.getApplicationContext().getBean(MeterRegistry.class).find("skills.imports.pages").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static ImportJob awaitFinished(EmbeddedServer instance, UUID id) {
        return await(instance, id, job -> job.state() == ImportState.FINISHED);
    }

    private static void awaitPagesDone(EmbeddedServer instance, UUID id, int pages) {
        await(instance, id, job -> job.progress().pagesDone() >= pages);
    }

    private static ImportJob await(EmbeddedServer instance, UUID id, java.util.function.Predicate<ImportJob> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ImportJob job = imports(instance).find(id).toCompletableFuture().join();
            if (condition.test(job)) {
                return job;
            }
            assertThat(System.nanoTime()).as("waiting for job %s: %s", id, job.progress()).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
