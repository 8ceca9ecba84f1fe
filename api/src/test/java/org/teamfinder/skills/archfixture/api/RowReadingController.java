package org.teamfinder.skills.archfixture.api;

import org.teamfinder.skills.archfixture.persistence.FixtureRow;

/** Breaks "api does not use persistence": a controller reading a persistence row. */
public class RowReadingController {
    public long id(FixtureRow row) {
        return row.id();
    }
}
