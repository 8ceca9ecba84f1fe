package org.teamfinder.skills.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void defaultsAreTheLocalServerAsPostgres() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of());

        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.port()).isEqualTo(5432);
        assertThat(settings.name()).isEqualTo("skills");
        assertThat(settings.user()).isEqualTo("postgres");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.echo()).isFalse();
        assertThat(settings.migrateOnStart()).isTrue();
        assertThat(settings.r2dbcUrl()).isEqualTo("r2dbc:pool:postgresql://localhost:5432/skills?initialSize=2&maxSize=10"
                + "&maxAcquireTime=PT3S&acquireRetry=0&maxCreateConnectionTime=PT3S&connectTimeout=PT3S&forceBinary=true");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/skills?connectTimeout=3");
    }

    @Test
    void behindATransactionModePoolerTheDriverKeepsNoNamedStatements() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of("DB_PORT", "6432", "DB_TRANSACTION_POOLING", "true",
                "DB_MIGRATE_ON_START", "false"));

        assertThat(settings.transactionPooling()).isTrue();
        assertThat(settings.r2dbcUrl()).startsWith("r2dbc:pool:postgresql://localhost:6432/skills?").endsWith("&preparedStatementCacheQueries=0");
        assertThat(DatabaseSettings.from(Map.of()).r2dbcUrl()).doesNotContain("preparedStatementCacheQueries");
        assertThat(settings.toString()).contains("behind a transaction-mode pooler");
    }

    @Test
    void behindATransactionModePoolerMigrationsMustGoToPostgresqlDirectly() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_TRANSACTION_POOLING", "true")))
                .hasMessage("DB_TRANSACTION_POOLING=true needs DB_MIGRATE_ON_START=false: run the migrate command against PostgreSQL "
                        + "directly (not through the pooler), then start the service.");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_TRANSACTION_POOLING", "maybe", "DB_MIGRATE_ON_START", "false")))
                .hasMessage("DB_TRANSACTION_POOLING must be true or false, not 'maybe'.");
    }

    @Test
    void theOlderDesignsVariablesAreRead() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(
                "DB_HOST", "db.internal", "DB_PORT", "6543", "DB_NAME", "team_finder", "DB_USER", "finder", "DB_PASS", "s3cret"));

        assertThat(settings.describe()).isEqualTo("PostgreSQL at db.internal:6543 (database 'team_finder', user 'finder')");
        assertThat(settings.password()).isEqualTo("s3cret");
    }

    @Test
    void usernameAndPasswordAliasesWorkAndTheShortNamesWin() {
        assertThat(DatabaseSettings.from(Map.of("DB_USERNAME", "alias", "DB_PASSWORD", "pw")).user()).isEqualTo("alias");
        assertThat(DatabaseSettings.from(Map.of("DB_USERNAME", "alias", "DB_PASSWORD", "pw")).password()).isEqualTo("pw");
        assertThat(DatabaseSettings.from(Map.of("DB_USER", "short", "DB_USERNAME", "alias")).user()).isEqualTo("short");
    }

    @Test
    void databaseUrlOverridesTheSeparateVariables() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(
                "DATABASE_URL", "postgresql://app:p%40ss%3Aw0rd@pg.example:5433/catalogue", "DB_HOST", "ignored", "DB_USER", "ignored"));

        assertThat(settings.host()).isEqualTo("pg.example");
        assertThat(settings.port()).isEqualTo(5433);
        assertThat(settings.name()).isEqualTo("catalogue");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("p@ss:w0rd");
    }

    @Test
    void databaseUrlWithoutPortOrPasswordTakesDefaults() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of("DATABASE_URL", "postgres://reader@localhost/skills"));

        assertThat(settings.port()).isEqualTo(5432);
        assertThat(settings.user()).isEqualTo("reader");
        assertThat(settings.password()).isEmpty();
    }

    @Test
    void unusableValuesAreRejectedNamingTheVariable() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_PORT", "five"))).hasMessageStartingWith("DB_PORT must be");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_PORT", "70000"))).hasMessageStartingWith("DB_PORT must be");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_ECHO", "maybe"))).hasMessageStartingWith("DB_ECHO must be");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_NAME", "x; DROP"))).hasMessageStartingWith("DB_NAME");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DATABASE_URL", "mysql://h/db"))).hasMessageStartingWith("DATABASE_URL");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DATABASE_URL", "postgresql://h/db?sslmode=require")))
                .hasMessageContaining("sslmode=require");
    }

    @Test
    void poolMustStartBelowItsMaximum() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_POOL_INITIAL_SIZE", "10", "DB_POOL_MAX_SIZE", "10")))
                .hasMessageContaining("must be smaller than DB_POOL_MAX_SIZE");

        DatabaseSettings settings = DatabaseSettings.from(Map.of("DB_POOL_INITIAL_SIZE", "0", "DB_POOL_MAX_SIZE", "4",
                "DB_POOL_ACQUIRE_TIMEOUT_MS", "1500"));
        assertThat(settings.acquireTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.r2dbcUrl()).contains("initialSize=0&maxSize=4&maxAcquireTime=PT1.5S");
    }

    @Test
    void echoTurnsOnTheDriversQueryLog() {
        assertThat(DatabaseSettings.from(Map.of("DB_ECHO", "true")).micronautProperties())
                .containsEntry("logger.levels.io.r2dbc.postgresql.QUERY", "DEBUG");
        assertThat(DatabaseSettings.from(Map.of()).micronautProperties()).doesNotContainKey("logger.levels.io.r2dbc.postgresql.QUERY");
    }

    @Test
    void thePasswordGoesOnlyWhereItIsNeeded() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of("DB_PASS", "hunter2"));

        assertThat(settings.toString()).doesNotContain("hunter2").contains("password set");
        assertThat(settings.describe()).doesNotContain("hunter2");
        assertThat(settings.r2dbcUrl()).doesNotContain("hunter2");
        assertThat(settings.jdbcUrl()).doesNotContain("hunter2");
        assertThat(settings.micronautProperties()).containsEntry("r2dbc.datasources.default.password", "hunter2")
                .containsEntry("flyway.datasources.default.password", "hunter2");
    }

    @Test
    void theOlderDesignsAsyncUrlIsReadInSqlAlchemysForm() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(
                "ASYNC_DATABASE_URL", "postgresql+asyncpg://user:password@db.internal:5433/fastapi_db"));

        assertThat(settings.describe()).isEqualTo("PostgreSQL at db.internal:5433 (database 'fastapi_db', user 'user')");
        assertThat(settings.password()).isEqualTo("password");
        assertThat(DatabaseSettings.from(Map.of("DATABASE_URL", "postgresql+psycopg://app@pg/catalogue")).name()).isEqualTo("catalogue");
        assertThat(DatabaseSettings.from(Map.of("DATABASE_URL", "postgres://app@pg/catalogue")).host()).isEqualTo("pg");
    }

    @Test
    void bothUrlsMayBeSetOnlyToTheSameDatabase() {
        String url = "postgresql+asyncpg://user:password@localhost:5432/fastapi_db";
        assertThat(DatabaseSettings.from(Map.of("DATABASE_URL", url.replace("+asyncpg", ""), "ASYNC_DATABASE_URL", url)).name())
                .isEqualTo("fastapi_db");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DATABASE_URL", "postgresql://localhost/one", "ASYNC_DATABASE_URL",
                "postgresql+asyncpg://localhost/two"))).hasMessageContaining("DATABASE_URL and ASYNC_DATABASE_URL name different databases");
    }

    @Test
    void anUnusableAsyncUrlIsAnErrorNamingIt() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("ASYNC_DATABASE_URL", "mysql+aiomysql://h/db")))
                .hasMessageStartingWith("ASYNC_DATABASE_URL must look like");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("ASYNC_DATABASE_URL", "sqlite+aiosqlite:///./app.db")))
                .hasMessageStartingWith("ASYNC_DATABASE_URL must look like");
    }

    @Test
    void driverThreadsDefaultToHalfTheCoresAndCanBeSet() {
        assertThat(DatabaseSettings.from(Map.of()).driverThreads()).isEqualTo(DatabaseSettings.DEFAULT_DRIVER_THREADS);
        assertThat(DatabaseSettings.from(Map.of("DB_THREADS", "3")).driverThreads()).isEqualTo(3);
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DB_THREADS", "0"))).hasMessageStartingWith("DB_THREADS must be");
    }
}
