package org.teamfinder.skills.webpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.webpages.testing.FixtureSite;
import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.Validators;
import org.teamfinder.skills.domain.imports.WebPage;

/** The page fetcher against the local fixture site, without the rest of the service. */
class NettyWebPageFetcherTest {

    private static final FixtureSite SITE = new FixtureSite();
    private static final ExecutorService LOOKUPS = Executors.newFixedThreadPool(2);
    private static final NettyWebPageFetcher FETCHER = new NettyWebPageFetcher(
            AddressGuard.allowing(List.of("127.0.0.1:" + SITE.port())),
            new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(1), 5, 2 * 1024 * 1024), 4, LOOKUPS);

    @AfterAll
    static void close() {
        FETCHER.close();
        LOOKUPS.shutdownNow();
        SITE.close();
    }

    @Test
    void aPageComesWithItsFinalAddressStatusBytesAndCharset() {
        WebPage page = fetch(SITE.url("/redirect/2"));

        assertThat(page.address().toString()).isEqualTo(SITE.url("/pages/job-posting-jsonld.html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Backend Engineer (Java)");
        assertThat(page.charset()).contains(StandardCharsets.UTF_8);
        assertThat(SITE.hits("/redirect/2")).isEqualTo(1);
    }

    @Test
    void theAllowListOpensOnlyTheGivenPort() {
        assertThat(failure("http://127.0.0.1:" + FixtureSite.closedPort() + "/")).startsWith("refused: 127.0.0.1 resolves to 127.0.0.1");
    }

    @Test
    void anAddressNobodyListensOnIsRefusedConnection() {
        NettyWebPageFetcher open = new NettyWebPageFetcher(AddressGuard.allowing(List.of("127.0.0.0/8")),
                new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 5, 1024), 4, LOOKUPS);
        try {
            assertThat(catchThrowable(() -> open.fetch(PageAddress.parse("http://127.0.0.1:" + FixtureSite.closedPort() + "/"), Validators.NONE).toCompletableFuture().join()))
                    .isInstanceOf(CompletionException.class).cause().hasMessage("the connection was refused");
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            open.close();
        }
    }

    private static WebPage fetch(String url) {
        try {
            return FETCHER.fetch(PageAddress.parse(url), Validators.NONE).toCompletableFuture().join();
        } catch (PageAddress.InvalidPageAddress e) {
            throw new AssertionError(e);
        }
    }

    private static String failure(String url) {
        Throwable failure = catchThrowable(() -> fetch(url));
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(PageFetchFailed.class);
        return failure.getCause().getMessage();
    }
}
