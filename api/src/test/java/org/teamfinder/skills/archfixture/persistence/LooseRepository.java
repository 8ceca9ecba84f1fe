package org.teamfinder.skills.archfixture.persistence;

import org.teamfinder.skills.archfixture.api.http.PortReachingController;

/**
 * Breaks "persistence adapters implement domain ports" (it implements none) and, with the api fixtures that
 * refer to it, "no package cycles".
 */
public class LooseRepository {

    public String describe(PortReachingController controller) {
        return controller.toString();
    }
}
