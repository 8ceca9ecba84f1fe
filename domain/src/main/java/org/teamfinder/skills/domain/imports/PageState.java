package org.teamfinder.skills.domain.imports;

/** Where one page of an import job is. */
public enum PageState {
    /** Waiting for a runner. */
    PENDING,
    /** Claimed by a runner, which is fetching it or saving what it found. */
    FETCHING,
    /** Fetched, read and its skills saved (possibly none). */
    DONE,
    /** Could not be imported; the page's error says why. */
    FAILED,
    /** Not fetched: its job was cancelled first. */
    CANCELLED;

    public boolean isFinished() {
        return this != PENDING && this != FETCHING;
    }
}
