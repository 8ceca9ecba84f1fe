package org.teamfinder.skills.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceSettingsTest {

    @Test
    void defaultsServeOnPort8080WithoutCorsWaitTwentySecondsAndKeepKeysADay() {
        ServiceSettings settings = ServiceSettings.from(Map.of());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.corsOrigins()).isEmpty();
        assertThat(settings.micronautProperties()).doesNotContainKey("micronaut.server.cors.enabled")
                .containsEntry("micronaut.lifecycle.graceful-shutdown.enabled", true)
                .containsEntry("micronaut.lifecycle.graceful-shutdown.grace-period", "20s")
                .containsEntry("skills.idempotency.retention", "24h");
    }

    @Test
    void corsOriginsSwitchCorsOnForExactlyThoseOrigins() {
        ServiceSettings settings = ServiceSettings.from(Map.of("CORS_ALLOWED_ORIGINS", " https://app.example.org , http://localhost:5173"));

        assertThat(settings.corsOrigins()).containsExactly("https://app.example.org", "http://localhost:5173");
        assertThat(settings.micronautProperties())
                .containsEntry("micronaut.server.cors.enabled", true)
                .containsEntry("micronaut.server.cors.configurations.frontend.allowed-origins",
                        List.of("https://app.example.org", "http://localhost:5173"));
    }

    @Test
    void aStarAllowsEveryOrigin() {
        assertThat(ServiceSettings.from(Map.of("CORS_ALLOWED_ORIGINS", "*")).micronautProperties())
                .containsEntry("micronaut.server.cors.configurations.frontend.allowed-origins-regex", ".*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.example.org", "https://app.example.org/path", "https://app.example.org?x=1", "::"})
    void somethingThatIsNoOriginIsRejectedNamingTheVariable(String origin) {
        assertThatThrownBy(() -> ServiceSettings.from(Map.of("CORS_ALLOWED_ORIGINS", origin)))
                .isInstanceOf(InvalidConfiguration.class).hasMessageStartingWith("CORS_ALLOWED_ORIGINS");
    }

    @Test
    void importsDefaultToPublicAddressesOnlyAndTheIssuesLimits() {
        ImportSettings imports = ServiceSettings.from(Map.of()).imports();

        assertThat(imports.allowedHosts()).isEmpty();
        assertThat(imports.maxRedirects()).isEqualTo(5);
        assertThat(imports.maxPageBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(imports.pageTimeoutMillis()).isEqualTo(20_000);
        assertThat(imports.leaseSeconds()).isEqualTo(120);
        assertThat(imports.runnerEnabled()).isTrue();
        assertThat(ServiceSettings.from(Map.of()).micronautProperties())
                .containsEntry("skills.imports.allowed-hosts", List.of())
                .containsEntry("skills.imports.page-timeout", "20000ms")
                .containsEntry("skills.imports.max-pages-per-host", 4);
    }

    @Test
    void theImportAllowListTakesHostsPortsAddressesAndBlocks() {
        assertThat(ServiceSettings.from(Map.of("IMPORT_ALLOWED_HOSTS", " intranet.example.org, 127.0.0.1:8081 ,10.20.0.0/16,::1"))
                .micronautProperties())
                .containsEntry("skills.imports.allowed-hosts", List.of("intranet.example.org", "127.0.0.1:8081", "10.20.0.0/16", "::1"));
    }

    @Test
    void aFailureOfAnAdaptersSettingNamesTheVariableTheUserSet() {
        ConfigurationException fromTheWebAdapter = new ConfigurationException(
                "skills.imports.allowed-hosts: 'under_score.example' is not a host, host:port, IP address or CIDR block");

        assertThat(StartupFailure.describe(new RuntimeException("Error instantiating bean", fromTheWebAdapter)))
                .isEqualTo("IMPORT_ALLOWED_HOSTS: 'under_score.example' is not a host, host:port, IP address or CIDR block");
    }

    @Test
    void aClaimMustOutlastTwoPageTimeouts() {
        assertThat(ServiceSettings.from(Map.of("IMPORT_PAGE_TIMEOUT_MS", "90000")).imports().leaseSeconds()).isEqualTo(180);
        assertThatThrownBy(() -> ServiceSettings.from(Map.of("IMPORT_PAGE_TIMEOUT_MS", "30000", "IMPORT_LEASE_SECONDS", "59")))
                .hasMessageStartingWith("IMPORT_LEASE_SECONDS must be a whole number from 60");
    }

    @Test
    void httpThreadsDefaultToHalfTheCoresAndCanBeSet() {
        int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

        assertThat(ServiceSettings.from(Map.of()).httpThreads()).isEqualTo(half);
        assertThat(ServiceSettings.from(Map.of("HTTP_THREADS", "3")).micronautProperties())
                .containsEntry("micronaut.netty.event-loops.default.num-threads", 3);
        assertThatThrownBy(() -> ServiceSettings.from(Map.of("HTTP_THREADS", "0"))).hasMessageStartingWith("HTTP_THREADS");
    }

    @Test
    void idempotencyKeysAreNeverKeptLessThanADay() {
        assertThat(ServiceSettings.from(Map.of("IDEMPOTENCY_KEY_RETENTION_HOURS", "72")).micronautProperties())
                .containsEntry("skills.idempotency.retention", "72h");
        assertThatThrownBy(() -> ServiceSettings.from(Map.of("IDEMPOTENCY_KEY_RETENTION_HOURS", "12")))
                .hasMessageStartingWith("IDEMPOTENCY_KEY_RETENTION_HOURS");
    }

    @Test
    void shutdownGracePeriodIsConfigurable() {
        assertThat(ServiceSettings.from(Map.of("SHUTDOWN_GRACE_PERIOD_SECONDS", "5")).micronautProperties())
                .containsEntry("micronaut.lifecycle.graceful-shutdown.grace-period", "5s");
        assertThatThrownBy(() -> ServiceSettings.from(Map.of("SHUTDOWN_GRACE_PERIOD_SECONDS", "-1")))
                .hasMessageStartingWith("SHUTDOWN_GRACE_PERIOD_SECONDS");
    }
}
