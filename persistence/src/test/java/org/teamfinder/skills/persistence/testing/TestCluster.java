package org.teamfinder.skills.persistence.testing;

import org.teamfinder.skills.testkit.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, in a temporary directory, made with the server's {@code initdb} and
 * run with {@code pg_ctl}, so the test can stop and start it at will without touching the machine's
 * server. Run as the {@code postgres} user when the tests run as root (PostgreSQL refuses to run as
 * root). It listens on 127.0.0.1 on a free port, trusts local connections, and is deleted by {@link #close()}.
 */
public final class TestCluster implements AutoCloseable {

    private final Path directory;
    private final Path data;
    private final Path bin;
    private final int port;

    private TestCluster(Path directory, Path bin, int port) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.bin = bin;
        this.port = port;
    }

    /** Creates and starts a new cluster. */
    public static TestCluster start() {
        try {
            Path directory = Files.createTempDirectory("skills-test-cluster-");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            TestCluster cluster = new TestCluster(directory, serverBinaries(), FreePorts.free());
            cluster.run("initdb", "-D", cluster.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server and waits until it accepts connections. */
    public void startServer() {
        run("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "30",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50", "start");
    }

    /** Stops the server the way an operator's fast shutdown does: sessions are ended, the port closes. */
    public void stopServer() {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop");
    }

    public void execute(String database, String sql) {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), credentials)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        return DriverManager.getConnection(jdbcUrl(database), credentials);
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // fine
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed server's binaries, e.g. /usr/lib/postgresql/15/bin (Debian's layout). */
    private static Path serverBinaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under /usr/lib/postgresql (Debian's postgresql package)"));
        }
    }

}
