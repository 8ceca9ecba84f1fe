package org.teamfinder.skills.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds, for outcomes that arrive in the background (jobs, pools, processes). */
public final class Eventually {

    private Eventually() {
    }

    /** The first value {@code probe} gives that satisfies {@code condition}, polling every 20 ms for at most {@code patience}. */
    public static <T> T await(Supplier<T> probe, Predicate<? super T> condition, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError(what + " did not happen within " + patience.toMillis() + " ms; last seen: " + last);
    }
}
