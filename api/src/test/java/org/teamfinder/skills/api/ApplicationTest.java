package org.teamfinder.skills.api;

import org.teamfinder.skills.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teamfinder.skills.api.testing.TcpProxy;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** The real main class in its own JVM, configured only through environment variables and .env, as in production. */
class ApplicationTest {

    @TempDir
    Path workingDirectory;

    @Test
    void startsOnAMissingDatabaseCreatingAndMigratingIt() throws Exception {
        try (TestDatabase server = TestDatabase.create()) {
            String name = server.name() + "_app";
            int port = FreePorts.free();
            Files.writeString(workingDirectory.resolve(".env"), "PORT=" + port + "\nDB_NAME=" + name + "\n");
            Process service = start(server, Map.of(), workingDirectory.resolve("service.log"));
            try {
                HttpResponse<String> created = awaitServing(port, service, workingDirectory.resolve("service.log"));

                assertThat(created.statusCode()).isEqualTo(201);
                assertThat(created.body()).contains("\"name\":\"Started\"");
            } finally {
                service.destroy();
                service.waitFor(10, TimeUnit.SECONDS);
                server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void unreachableDatabaseStopsStartUpWithOneClearLine() throws Exception {
        int closedPort = FreePorts.free();
        Path log = workingDirectory.resolve("service.log");
        Process service = start(null, Map.of("DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(closedPort)), log);

        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("start-up gave up").isTrue();
        assertThat(service.exitValue()).isEqualTo(1);
        List<String> errors = Files.readAllLines(log);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("skills: Cannot use PostgreSQL at 127.0.0.1:" + closedPort)
                .contains("DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASS");
    }

    @Test
    void migrateCommandMigratesAndExitsWithoutServing() throws Exception {
        try (TestDatabase server = TestDatabase.create()) {
            Path log = workingDirectory.resolve("migrate.log");
            Process migrate = start(server, Map.of("DB_NAME", server.name()), log, "migrate");

            assertThat(migrate.waitFor(60, TimeUnit.SECONDS)).as("migrate exited").isTrue();
            String output = Files.readString(log);
            assertThat(migrate.exitValue()).as(output).isZero();
            assertThat(output).contains("the database schema is up to date").doesNotContain("Server Running", "ERROR");
            try (Connection connection = server.connect();
                 ResultSet tables = connection.createStatement().executeQuery("SELECT count(*) FROM skill")) {
                assertThat(tables.next()).isTrue();
            }
        }
    }

    /**
     * SIGTERM while requests wait on a slow database: the listening socket closes at once, every request
     * in flight still gets its whole answer, the pool closes, and the process exits by itself.
     */
    @Test
    void sigtermFinishesRequestsInFlightAndStopsAcceptingNewOnes() throws Exception {
        try (TestDatabase server = TestDatabase.create(); TcpProxy database = new TcpProxy(server.host(), server.port())) {
            int port = FreePorts.free();
            Path log = workingDirectory.resolve("service.log");
            Process service = start(server, Map.of("PORT", Integer.toString(port), "DB_NAME", server.name(),
                    "DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(database.port()),
                    "DB_POOL_INITIAL_SIZE", "4", "SHUTDOWN_GRACE_PERIOD_SECONDS", "30"), log);
            try {
                String created = awaitServing(port, service, log).headers().firstValue("Location").orElseThrow();
                database.latency(Duration.ofMillis(1500));
                HttpClient client = HttpClient.newHttpClient();
                List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    inFlight.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + created))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
                }
                awaitLog(log, "skills.access - POST /skills 201");
                Thread.sleep(500); // the three GETs are now waiting on the delayed database

                service.destroy(); // SIGTERM
                awaitLog(log, "Shutting down: readiness DOWN, no new connections");

                assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(ConnectException.class);
                for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                    HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).contains("\"name\":\"Started\"");
                }
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
                String output = Files.readString(log);
                assertThat(output).contains("every request in flight finished", "database pool closed").doesNotContain("ERROR");
                assertThat(output.indexOf("every request in flight finished")).isLessThan(output.indexOf("database pool closed"));
            } finally {
                service.destroyForcibly();
            }
        }
    }

    /**
     * With authentication on, the token command mints a token the service accepts, and neither the signing
     * secret, nor the database password, nor any token appears in a log line or an error body, whatever
     * the request (valid, badly signed, wrong scope, invalid input) and with SQL echo on.
     */
    @Test
    void secretsNeverReachTheLogOrAnErrorBody() throws Exception {
        String secret = "signing-secret-" + java.util.UUID.randomUUID();
        String password = "db-password-" + java.util.UUID.randomUUID();  // the test server trusts local users: any password works
        Path tokenLog = workingDirectory.resolve("token.log");
        Process mint = start(null, Map.of("JWT_SECRET", secret), tokenLog, "token", "skills:write", "5");
        assertThat(mint.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String token = Files.readString(tokenLog).strip();
        assertThat(mint.exitValue()).as(token).isZero();
        assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        String readOnly = org.teamfinder.skills.api.config.DevTokens.mint(secret, "reader", "skills:read", Duration.ofMinutes(5));

        try (TestDatabase server = TestDatabase.create()) {
            int port = FreePorts.free();
            Path log = workingDirectory.resolve("service.log");
            Process service = start(server, Map.of("PORT", Integer.toString(port), "DB_NAME", server.name(), "DB_PASS", password,
                    "AUTH_ENABLED", "true", "JWT_SECRET", secret, "DB_ECHO", "true"), log);
            try {
                assertThat(awaitServing(port, service, log).statusCode()).isEqualTo(401);
                List<HttpResponse<String>> answers = List.of(
                        post(port, "{\"name\": \"Kept\"}", token),
                        post(port, "{\"name\": \"Refused\"}", token + "x"),
                        post(port, "{\"name\": \"Refused\"}", readOnly),
                        post(port, "{\"name\": 7, \"password\": \"" + password + "\"}", token),
                        post(port, "not json " + secret, token));

                assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(201, 401, 403, 400, 400);
                for (HttpResponse<String> answer : answers) {
                    assertThat(answer.body()).doesNotContain(secret, token, readOnly);
                }
                service.destroy();
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String output = Files.readString(log);
                assertThat(output).contains("POST /skills 201", "POST /skills 401", "POST /skills 403")
                        .doesNotContain(secret, password, token, readOnly, "Bearer ");
            } finally {
                service.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> post(int port, String body, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/skills"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the log never said '" + text + "': " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** Starts the main class with its output (stdout and stderr) going to a file, so no pipe can fill up and stall it. */
    private Process start(TestDatabase server, Map<String, String> variables, Path log, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The service's own logging, not the tests' (which only shows warnings).
                "-Dlogback.configurationFile=" + Path.of(ApplicationTest.class.getResource("/logback.xml").toURI()),
                "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        List.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_USERNAME", "DB_PASS", "DB_PASSWORD", "DATABASE_URL", "PORT",
                        "CORS_ALLOWED_ORIGINS", "SHUTDOWN_GRACE_PERIOD_SECONDS", "IDEMPOTENCY_KEY_RETENTION_HOURS", "AUTH_ENABLED",
                        "JWT_SECRET", "JWT_JWKS_URL")
                .forEach(environment::remove);
        environment.keySet().removeIf(name -> name.startsWith("IMPORT_"));
        // Writes are open in these tests unless a test configures tokens (see secretsNeverReachTheLog).
        environment.put("AUTH_ENABLED", "false");
        if (server != null) {
            environment.put("DB_HOST", server.host());
            environment.put("DB_PORT", Integer.toString(server.port()));
            environment.put("DB_USER", server.user());
            environment.put("DB_PASS", server.password());
        }
        environment.putAll(variables);
        return builder.start();
    }

    private static HttpResponse<String> awaitServing(int port, Process service, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/skills"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Started\"}")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return client.send(create, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYet) {
                if (!service.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the service did not come up: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
    }

}
