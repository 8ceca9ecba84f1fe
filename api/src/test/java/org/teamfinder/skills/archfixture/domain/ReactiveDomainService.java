package org.teamfinder.skills.archfixture.domain;

import reactor.core.publisher.Mono;

/** Breaks "domain depends only on the JDK": Reactor leaks into the domain. */
public class ReactiveDomainService {
    public Mono<String> name() {
        return Mono.just("leak");
    }
}
