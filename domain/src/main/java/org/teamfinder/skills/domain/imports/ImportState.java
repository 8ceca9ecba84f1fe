package org.teamfinder.skills.domain.imports;

/**
 * Where an import job is: no page started yet, some pages started, every page done or failed, or cancelled
 * (the pages not started then are not fetched; those in flight finish).
 */
public enum ImportState {
    QUEUED, RUNNING, FINISHED, CANCELLED
}
