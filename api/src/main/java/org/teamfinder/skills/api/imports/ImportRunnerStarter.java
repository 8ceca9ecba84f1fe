package org.teamfinder.skills.api.imports;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Starts this instance's import runner once the HTTP server is up (not in the migrate-only command). */
@Singleton
@Requires(beans = ImportRunner.class)
final class ImportRunnerStarter implements ApplicationEventListener<ServerStartupEvent> {

    private final ImportRunner runner;

    ImportRunnerStarter(ImportRunner runner) {
        this.runner = runner;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        runner.start();
    }
}
