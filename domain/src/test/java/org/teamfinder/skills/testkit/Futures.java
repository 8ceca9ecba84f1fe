package org.teamfinder.skills.testkit;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for asynchronous results in tests, with the failure itself thrown rather than wrapped. */
public final class Futures {

    private static final long PATIENCE_SECONDS = 30;

    private Futures() {
    }

    /**
     * The stage's result; its failure is rethrown as it is (a domain failure stays a domain failure). Gives up
     * after 30 s, so a stage that never completes fails the test instead of hanging it.
     */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the stage did not complete within " + PATIENCE_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
