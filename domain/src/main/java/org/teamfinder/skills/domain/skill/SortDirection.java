package org.teamfinder.skills.domain.skill;

/** Ascending or descending. */
public enum SortDirection {
    ASC, DESC
}
