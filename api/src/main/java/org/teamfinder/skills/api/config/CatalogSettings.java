package org.teamfinder.skills.api.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/** How long an Idempotency-Key is remembered ({@code skills.idempotency.retention}, from IDEMPOTENCY_KEY_RETENTION_HOURS). */
@ConfigurationProperties("skills.idempotency")
public record CatalogSettings(Duration retention) {
}
