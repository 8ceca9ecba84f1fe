package org.teamfinder.skills.webpages;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.imports.port.out.CrawlHosts;
import org.teamfinder.skills.domain.imports.port.out.SkillExtractor;
import org.teamfinder.skills.domain.imports.port.out.WebPageFetcher;

/**
 * The web adapter's beans: the page fetcher and the skill extractor, as the domain's outbound ports, and
 * the two executors for the work that must leave the event loops: name lookups of page hosts (the JDK
 * resolver blocks) and parsing pages (CPU work).
 */
@Factory
class WebPagesFactory {

    @Singleton
    @Bean(typed = NettyWebPageFetcher.class, preDestroy = "close")
    NettyWebPageFetcher nettyWebPageFetcher(WebPageSettings settings, @Named("web-page-dns") ExecutorService lookups) {
        return new NettyWebPageFetcher(AddressGuard.allowing(settings.allowedHosts()), settings.limits(), settings.maxPagesPerHost(), lookups,
                Optional.ofNullable(settings.contact()).filter(contact -> !contact.isBlank()));
    }

    /** Pages are fetched politely: robots.txt and a delay per host, shared by every instance through {@link CrawlHosts}. */
    @Singleton
    @Bean(typed = WebPageFetcher.class)
    PoliteWebPageFetcher webPageFetcher(NettyWebPageFetcher fetcher, CrawlHosts hosts, WebPageSettings settings) {
        return new PoliteWebPageFetcher(fetcher, hosts, settings.politeness(), Clock.systemUTC());
    }

    @Singleton
    @Bean(typed = SkillExtractor.class)
    JsoupSkillExtractor skillExtractor(JsonMapper json, @Named("page-parsing") ExecutorService parsing) {
        return new JsoupSkillExtractor(json, parsing);
    }

    /** Name lookups of page hosts block (the JDK resolver): a few threads of their own, never an event loop. */
    @Singleton
    @Named("web-page-dns")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService webPageLookups() {
        return daemonPool("web-page-dns", 4, 1_000);
    }

    /** Parsing pages is CPU work: one thread per core, off the event loops, with a bounded queue. */
    @Singleton
    @Named("page-parsing")
    @Bean(preDestroy = "shutdownNow")
    ExecutorService pageParsing() {
        return daemonPool("page-parsing", Runtime.getRuntime().availableProcessors(), 10_000);
    }

    private static ExecutorService daemonPool(String name, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
