package org.teamfinder.skills.api.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.domain.model.ClaimedPage;
import org.teamfinder.skills.domain.model.ImportedPage;
import org.teamfinder.skills.domain.model.WorkRequest;
import org.teamfinder.skills.domain.port.in.ImportWork;

/**
 * Runs import jobs in this service instance: claims pages from the shared job store, imports them, and
 * claims more as they finish, with at most {@code maxInFlight} pages in flight in all and
 * {@code maxPerHost} per host. It wakes every poll interval and whenever a page finishes; other
 * instances on the same database run their own runner and never get the same page (see
 * {@link ImportWork}). Nothing here blocks: claims and pages complete on whatever thread finishes them,
 * and the runner's state is guarded by its own monitor, held only for bookkeeping.
 *
 * <p>On {@link #stop(Duration)} it claims nothing more, waits a while for pages in flight, and hands the
 * rest back so that another instance (or this one after a restart) takes them at once. Pages of a
 * runner that died are taken again when their lease runs out.
 */
public final class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportWork work;
    private final String id = "runner-" + UUID.randomUUID();
    private final int maxInFlight;
    private final int maxPerHost;
    private final Duration lease;
    private final Duration pollInterval;
    private final ScheduledExecutorService timer;
    private final Map<Long, ClaimedPage> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlightByHost = new HashMap<>();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private final AtomicLong pagesFinished = new AtomicLong();
    private boolean claiming;
    private boolean wokenWhileClaiming;
    private boolean stopping;

    public ImportRunner(ImportWork work, int maxInFlight, int maxPerHost, Duration lease, Duration pollInterval) {
        this.work = work;
        this.maxInFlight = maxInFlight;
        this.maxPerHost = maxPerHost;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "import-runner-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public String id() {
        return id;
    }

    public void start() {
        LOG.info("Import runner {} started: up to {} pages in flight, {} per host", id, maxInFlight, maxPerHost);
        timer.scheduleWithFixedDelay(this::wake, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
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
            int room = maxInFlight - inFlight.size();
            if (room <= 0) {
                return;
            }
            claiming = true;
            wokenWhileClaiming = false;
            request = new WorkRequest(id, room, maxPerHost, inFlightByHost, lease);
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
                    LOG.warn("Import runner {} could not claim pages: {}", id, failure.getMessage());
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
     * Stops claiming, waits up to {@code grace} for pages in flight, then releases what is left. Blocks the
     * calling thread (shutdown only).
     */
    public void stop(Duration grace) {
        synchronized (this) {
            stopping = true;
            if (inFlight.isEmpty()) {
                idle.complete(null);
            }
        }
        timer.shutdownNow();
        try {
            idle.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            List<ClaimedPage> left = new ArrayList<>(inFlight.values());
            LOG.info("Import runner {}: handing {} unfinished page(s) back", id, left.size());
            try {
                work.release(id, left).toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception releaseFailed) {
                LOG.warn("Import runner {} could not hand its pages back; they are taken again when their lease runs out: {}", id,
                        releaseFailed.getMessage());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("Import runner {} stopped", id);
    }

    /** Stops, if not stopped yet, giving pages in flight a moment (the context is closing). */
    public void close() {
        synchronized (this) {
            if (stopping) {
                return;
            }
        }
        stop(Duration.ofSeconds(2));
    }

    /** Pages this runner holds right now. */
    public int pagesInFlight() {
        return inFlight.size();
    }

    /** Pages this runner has imported (done or failed) since it started. */
    public long pagesFinished() {
        return pagesFinished.get();
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
                pagesFinished.incrementAndGet();
                ImportedPage done = imported.get();
                done.result().error().ifPresentOrElse(
                        error -> LOG.info("Import of {} failed: {}", page.address(), error),
                        () -> LOG.debug("Imported {}: {} found, {} new", page.address(), done.tally().found(), done.tally().created()));
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
