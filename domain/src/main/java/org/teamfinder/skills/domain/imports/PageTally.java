package org.teamfinder.skills.domain.imports;

/** The skills of one saved page: found on it, created by it, and already in the catalogue. */
public record PageTally(int found, int created, int alreadyPresent) {
}
