package org.teamfinder.skills.api.imports;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How this instance's import runner works ({@code skills.imports.*}, from the IMPORT_* variables): pages in
 * flight in all and per host, how long a claim lasts, how often an idle runner looks for work, and whether
 * the runner runs at all.
 */
@ConfigurationProperties("skills.imports")
public record ImportRunnerSettings(int maxPagesInFlight, int maxPagesPerHost, Duration lease, Duration pollInterval, boolean runnerEnabled) {
}
