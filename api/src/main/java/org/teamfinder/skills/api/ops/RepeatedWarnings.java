package org.teamfinder.skills.api.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A warning that may repeat thousands of times a second (every request during a database outage, every poll
 * of the import runner): the first occurrence of each interval is logged as it is, the others only counted,
 * and one line per interval says how many there were. Metrics still count each one. Thread-safe, lock-free.
 */
public final class RepeatedWarnings {

    private static final long NEVER = Long.MIN_VALUE;

    private final Logger log;
    private final Level level;
    private final String what;
    private final long intervalNanos;
    private final AtomicLong windowStart = new AtomicLong(NEVER);
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    /** {@code what} names the occurrences in the summary line, e.g. "requests answered 503". */
    public RepeatedWarnings(Logger log, String what, Duration interval) {
        this(log, Level.WARN, what, interval);
    }

    /** As the other constructor, logging at {@code level} (ERROR for what needs a person to act). */
    public RepeatedWarnings(Logger log, Level level, String what, Duration interval) {
        this.log = log;
        this.level = level;
        this.what = what;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs this warning if it is the first of its interval, else counts it for the interval's summary. */
    public void warn(String format, Object... arguments) {
        long now = System.nanoTime();
        long start = windowStart.get();
        if ((start == NEVER || now - start >= intervalNanos) && windowStart.compareAndSet(start, now)) {
            flush();
            log.atLevel(level).log(format, arguments);
            return;
        }
        suppressed.incrementAndGet();
        if (flushScheduled.compareAndSet(false, true)) {
            long delay = Math.max(0, intervalNanos - (now - windowStart.get()));
            CompletableFuture.runAsync(this::flush, CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS));
        }
    }

    private static String describe(Duration interval) {
        return interval.toMillis() < 1000 ? interval.toMillis() + " ms" : interval.toSeconds() + " s";
    }

    private void flush() {
        flushScheduled.set(false);
        long count = suppressed.getAndSet(0);
        if (count > 0) {
            log.atLevel(level).log("... and {} more {} in the last {}", count, what, describe(Duration.ofNanos(intervalNanos)));
        }
    }
}
