package org.teamfinder.skills.api.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.teamfinder.skills.api.imports.ImportRunner;
import org.teamfinder.skills.api.web.AddressGuard;
import org.teamfinder.skills.api.web.FetchLimits;
import org.teamfinder.skills.api.web.JsoupSkillExtractor;
import org.teamfinder.skills.api.web.NettyWebPageFetcher;
import org.teamfinder.skills.domain.port.in.ImportWork;
import org.teamfinder.skills.domain.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.port.out.SkillExtractor;
import org.teamfinder.skills.domain.port.out.WebPageFetcher;
import org.teamfinder.skills.domain.service.SkillImportService;

/** Wires web-page imports: the use cases, the page fetcher and extractor adapters, and this instance's runner. */
@Factory
class ImportFactory {

    @Singleton
    SkillImportService skillImports(ImportJobRepository jobs, WebPageFetcher fetcher, SkillExtractor extractor) {
        return new SkillImportService(jobs, fetcher, extractor, Clock.systemUTC());
    }

    @Singleton
    @Bean(preDestroy = "close")
    NettyWebPageFetcher webPageFetcher(@Value("${skills.imports.allowed-hosts:}") String allowedHosts,
                                       @Value("${skills.imports.connect-timeout:5s}") Duration connectTimeout,
                                       @Value("${skills.imports.page-timeout:20s}") Duration pageTimeout,
                                       @Value("${skills.imports.max-redirects:5}") int maxRedirects,
                                       @Value("${skills.imports.max-page-bytes:2097152}") int maxPageBytes,
                                       @Value("${skills.imports.max-pages-per-host:4}") int maxPerHost,
                                       @Named("web-page-dns") ExecutorService lookups) {
        AddressGuard guard = AddressGuard.allowing(Arrays.asList(allowedHosts.split(",")));
        return new NettyWebPageFetcher(guard, new FetchLimits(connectTimeout, pageTimeout, maxRedirects, maxPageBytes), maxPerHost, lookups);
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

    @Singleton
    SkillExtractor skillExtractor(JsonMapper json, @Named("page-parsing") ExecutorService parsing) {
        return new JsoupSkillExtractor(json, parsing);
    }

    @Singleton
    @Requires(property = "skills.imports.runner.enabled", notEquals = "false")
    @Bean(preDestroy = "close")
    ImportRunner importRunner(ImportWork work,
                              @Value("${skills.imports.max-pages-in-flight:16}") int maxInFlight,
                              @Value("${skills.imports.max-pages-per-host:4}") int maxPerHost,
                              @Value("${skills.imports.lease:120s}") Duration lease,
                              @Value("${skills.imports.poll-interval:1s}") Duration pollInterval) {
        return new ImportRunner(work, maxInFlight, maxPerHost, lease, pollInterval);
    }
}
