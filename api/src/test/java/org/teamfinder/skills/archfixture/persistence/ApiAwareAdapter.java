package org.teamfinder.skills.archfixture.persistence;

import org.teamfinder.skills.archfixture.api.RowReadingController;

/** Breaks "persistence does not know the api", and with RowReadingController makes a package cycle. */
public class ApiAwareAdapter {
    public String describe(RowReadingController controller) {
        return controller.toString();
    }
}
