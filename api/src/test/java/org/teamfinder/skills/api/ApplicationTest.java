package org.teamfinder.skills.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** The real main class in its own JVM, configured only through environment variables and .env, as in production. */
class ApplicationTest {

    @TempDir
    Path workingDirectory;

    @Test
    void startsOnAMissingDatabaseCreatingAndMigratingIt() throws Exception {
        try (TestDatabase server = TestDatabase.create()) {
            String name = server.name() + "_app";
            int port = freePort();
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
        int closedPort = freePort();
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

    /** Starts the main class with its output (stdout and stderr) going to a file, so no pipe can fill up and stall it. */
    private Process start(TestDatabase server, Map<String, String> variables, Path log, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        List.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_USERNAME", "DB_PASS", "DB_PASSWORD", "DATABASE_URL", "PORT")
                .forEach(environment::remove);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
