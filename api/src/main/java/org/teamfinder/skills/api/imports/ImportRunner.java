package org.teamfinder.skills.api.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.ops.RepeatedWarnings;
import org.teamfinder.skills.domain.imports.ClaimedPage;
import org.teamfinder.skills.domain.imports.ImportedPage;
import org.teamfinder.skills.domain.imports.WorkRequest;
import org.teamfinder.skills.domain.imports.port.in.ImportWork;

/**
 * Runs import jobs in this service instance: claims pages from the shared job store, imports them, and
 * claims more as they finish, with at most {@code maxPagesInFlight} pages in flight in all and
 * {@code maxPagesPerHost} per host. It wakes every poll interval and whenever a page finishes; other
 * instances on the same database run their own runner and never get the same page (see
 * {@link ImportWork}). Nothing here blocks: claims and pages complete on whatever thread finishes them,
 * and the runner's state is guarded by its own monitor, held only for bookkeeping. Pages imported are
 * counted in the metric {@code skills.imports.pages} (by outcome).
 *
 * <p>On shutdown (Micronaut's graceful phase) it claims nothing more, gives pages in flight a few seconds,
 * and hands the rest back so that another instance (or this one after a restart) takes them at once. Pages
 * of a runner that died are taken again when their lease runs out.
 */
public final class ImportRunner implements GracefulShutdownCapable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
    /** How long pages in flight may take to finish on shutdown before they are handed back. */
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(5);

    private final ImportWork work;
    private final ImportRunnerSettings settings;
    private final String id = "runner-" + UUID.randomUUID();
    private final ScheduledExecutorService timer;
    private final Map<Long, ClaimedPage> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlightByHost = new HashMap<>();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private final Counter pagesDone;
    private final Counter pagesFailed;
    private final RepeatedWarnings claimFailures = new RepeatedWarnings(LOG, "failed claims", Duration.ofSeconds(10));
    private boolean claiming;
    private boolean wokenWhileClaiming;
    private boolean stopping;

    public ImportRunner(ImportWork work, ImportRunnerSettings settings, MeterRegistry meters) {
        this.work = work;
        this.settings = settings;
        this.pagesDone = meters.counter("skills.imports.pages", "outcome", "done");
        this.pagesFailed = meters.counter("skills.imports.pages", "outcome", "failed");
        meters.gauge("skills.imports.pages.in.flight", inFlight, Map::size);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "import-runner-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        LOG.info("Import runner {} started: up to {} pages in flight, {} per host", id, settings.maxPagesInFlight(),
                settings.maxPagesPerHost());
        timer.scheduleWithFixedDelay(this::wake, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for work now if there is room for it. */
    public void wake() {
        WorkRequest request;
        synchronized (this) {
            if (stopping) {
                return;
            }
            if (claiming) {
                wokenWhileClaiming = true;
                return;
            }
            int room = settings.maxPagesInFlight() - inFlight.size();
            if (room <= 0) {
                return;
            }
            claiming = true;
            wokenWhileClaiming = false;
            request = new WorkRequest(id, room, settings.maxPagesPerHost(), inFlightByHost, settings.lease());
        }
        CompletableFuture<List<ClaimedPage>> claim;
        try {
            claim = work.claim(request).toCompletableFuture();
        } catch (RuntimeException failure) {
            claim = CompletableFuture.failedFuture(failure);
        }
        claim.whenComplete((pages, failure) -> {
            boolean again;
            synchronized (this) {
                claiming = false;
                if (failure != null) {
                    claimFailures.warn("Import runner {} could not claim pages: {}", id, failure.getMessage());
                    return;
                }
                pages.forEach(this::track);
                again = wokenWhileClaiming || pages.size() == request.pages();
            }
            pages.forEach(this::run);
            if (again) {
                wake();
            }
        });
    }

    /**
     * Stops claiming, gives pages in flight a few seconds, then hands back what is left. Never blocks and
     * never fails (Micronaut's contract for graceful shutdown).
     */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        synchronized (this) {
            if (stopping) {
                return idle;
            }
            stopping = true;
            if (inFlight.isEmpty()) {
                idle.complete(null);
            }
        }
        timer.shutdownNow();
        return idle.copy()
                .completeOnTimeout(null, SHUTDOWN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(ignored -> handBack())
                .handle((ignored, failure) -> {
                    LOG.info("Import runner {} stopped", id);
                    return null;
                });
    }

    /** The context is closing (after the graceful phase, or without one): hands back whatever is still in flight. */
    @Override
    public void close() {
        shutdownGracefully();
        try {
            handBack().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CompletionStage<Void> handBack() {
        List<ClaimedPage> left = new ArrayList<>(inFlight.values());
        if (left.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("Import runner {}: handing {} unfinished page(s) back", id, left.size());
        return work.release(id, left).exceptionally(failure -> {
            LOG.warn("Import runner {} could not hand its pages back; they are taken again when their lease runs out: {}", id,
                    failure.getMessage());
            return null;
        });
    }

    private void track(ClaimedPage page) {
        inFlight.put(page.pageId(), page);
        inFlightByHost.merge(page.address().host(), 1, Integer::sum);
    }

    private void run(ClaimedPage page) {
        CompletableFuture<Optional<ImportedPage>> processing;
        try {
            processing = work.process(page).toCompletableFuture();
        } catch (RuntimeException failure) {
            processing = CompletableFuture.failedFuture(failure);
        }
        processing.whenComplete((imported, failure) -> {
            if (failure != null) {
                LOG.warn("Import of {} (page {}) could not be recorded; it is retried when its lease runs out: {}",
                        page.address(), page.pageId(), failure.getMessage());
            } else if (imported.isEmpty()) {
                LOG.info("Import of {} (page {}) was taken over by another runner; its result is dropped", page.address(), page.pageId());
            } else {
                ImportedPage done = imported.get();
                done.result().error().ifPresentOrElse(
                        error -> {
                            pagesFailed.increment();
                            LOG.info("Import of {} failed: {}", page.address(), error);
                        },
                        () -> {
                            pagesDone.increment();
                            LOG.debug("Imported {}: {} found, {} new", page.address(), done.tally().found(), done.tally().created());
                        });
            }
            finished(page);
        });
    }

    private void finished(ClaimedPage page) {
        synchronized (this) {
            inFlight.remove(page.pageId());
            inFlightByHost.computeIfPresent(page.address().host(), (host, count) -> count == 1 ? null : count - 1);
            if (stopping) {
                if (inFlight.isEmpty()) {
                    idle.complete(null);
                }
                return;
            }
        }
        wake();
    }
}
