package org.teamfinder.skills.archfixture.api.http;

import org.teamfinder.skills.archfixture.persistence.LooseRepository;

/** With LooseRepository, closes a package cycle between api and persistence. */
public class RepositoryReadingController {

    public String read(LooseRepository repository) {
        return repository.toString();
    }
}
