package org.teamfinder.skills.domain.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the caller of a use case still wants its answer. A caller that can tell when it is no longer
 * wanted (an HTTP request whose client hung up) makes the call inside a scope, and adapters register how to
 * stop the work they start for it (cancel a query, roll back a transaction), so that abandoned work does not
 * go on holding the database. Work started outside any scope is never stopped.
 *
 * <p>The scope is current on the caller's thread while the use case is being called (the part of the call
 * that runs before its first asynchronous wait, where adapters start their work); {@link #abandon()} may
 * then come from any thread, once.
 */
public final class CallerScope implements AutoCloseable {

    private static final ThreadLocal<CallerScope> CURRENT = new ThreadLocal<>();

    private final List<Runnable> stops = new ArrayList<>();
    private boolean abandoned;

    private CallerScope() {
    }

    /** A new scope, current on this thread until {@link #close()}. */
    public static CallerScope open() {
        CallerScope scope = new CallerScope();
        CURRENT.set(scope);
        return scope;
    }

    /**
     * Registers how to stop work started for the current caller, if there is one; runs it at once if that
     * caller has already gone. Adapters call this as they start work.
     */
    public static void onAbandon(Runnable stop) {
        CallerScope scope = CURRENT.get();
        if (scope != null) {
            scope.add(stop);
        }
    }

    /** The caller has gone: stops every piece of work registered, and any registered from now on. */
    public void abandon() {
        List<Runnable> toStop;
        synchronized (this) {
            if (abandoned) {
                return;
            }
            abandoned = true;
            toStop = List.copyOf(stops);
            stops.clear();
        }
        toStop.forEach(CallerScope::runQuietly);
    }

    public synchronized boolean isAbandoned() {
        return abandoned;
    }

    /** Ends the part of the call during which the scope is current on this thread; abandoning it still works. */
    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    private void add(Runnable stop) {
        boolean now;
        synchronized (this) {
            now = abandoned;
            if (!now) {
                stops.add(stop);
            }
        }
        if (now) {
            runQuietly(stop);
        }
    }

    private static void runQuietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException ignored) {
            // Stopping is best effort: work that cannot be stopped simply finishes.
        }
    }
}
