package org.teamfinder.skills.domain.imports;

/** Where an import job is: no page started yet, some pages started, or every page done or failed. */
public enum ImportState {
    QUEUED, RUNNING, FINISHED
}
