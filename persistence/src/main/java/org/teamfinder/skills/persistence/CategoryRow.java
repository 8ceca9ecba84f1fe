package org.teamfinder.skills.persistence;

import io.micronaut.core.annotation.Introspected;

/** One line of the category count. */
@Introspected
record CategoryRow(String category, long skills) {
}
