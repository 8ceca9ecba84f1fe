package org.teamfinder.skills.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.teamfinder.skills.testkit.FreePorts;

/**
 * PgBouncer in transaction pooling mode in front of a PostgreSQL server, as a team running many instances
 * would put it: every transaction may run on another server connection, and nothing of a session survives
 * between transactions. Started from Debian's {@code pgbouncer} binary on 127.0.0.1 on a free port, with a
 * configuration of its own in a temporary directory (any database, trusted users, fast failure while the
 * server is down); run as the {@code postgres} user when the tests run as root, as PgBouncer refuses root.
 *
 * <p>{@link #shared()} is the one every test uses when the tests run through a pooler ({@link #REQUESTED}).
 */
public final class TestPooler implements AutoCloseable {

    /** Whether the tests' R2DBC connections go through PgBouncer: {@code SKILLS_TEST_POOLER=pgbouncer}. */
    public static final boolean REQUESTED = "pgbouncer".equals(System.getenv("SKILLS_TEST_POOLER"))
            || "pgbouncer".equals(System.getProperty("skills.test.pooler"));

    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
    private static TestPooler shared;

    private final Path directory;
    private final Process process;
    private final int port;

    private TestPooler(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** The pooler in front of the tests' server (DB_HOST, DB_PORT), started once per JVM and stopped with it. */
    public static synchronized TestPooler shared() {
        if (shared == null) {
            shared = inFrontOf(System.getenv().getOrDefault("DB_HOST", "127.0.0.1"),
                    Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432")));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-pooler-stop"));
        }
        return shared;
    }

    /** A new pooler in front of the server at {@code host:port}, for any of its databases and users. */
    public static TestPooler inFrontOf(String host, int serverPort) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Tests through a pooler need PgBouncer at " + BINARY + ": install Debian's pgbouncer package "
                    + "(.ci/run does).");
        }
        try {
            Path directory = Files.createTempDirectory("skills-test-pooler-");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = FreePorts.free();
            Path users = directory.resolve("users.txt");
            // Trusted here; PgBouncer logs in to the server with the password written for the user.
            String user = System.getenv().getOrDefault("DB_USER", "postgres");
            Files.writeString(users, "\"" + user + "\" \"" + System.getenv().getOrDefault("DB_PASS", "") + "\"\n");
            Path config = directory.resolve("pgbouncer.ini");
            Files.writeString(config, String.join("\n",
                    "[databases]",
                    "* = host=" + host + " port=" + serverPort,
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + users,
                    "pool_mode = transaction",
                    "max_client_conn = 1000",
                    "default_pool_size = 20",
                    // What the drivers send at start-up besides what PgBouncer tracks itself.
                    "ignore_startup_parameters = extra_float_digits,search_path",
                    // While the server is down, a client waits at most this long for it (README's advice too).
                    "query_wait_timeout = 2",
                    "server_login_retry = 1",
                    "server_connect_timeout = 2",
                    "logfile = " + directory.resolve("pgbouncer.log"),
                    "pidfile = " + directory.resolve("pgbouncer.pid"),
                    ""));
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.addAll(List.of(BINARY.toString(), "-q", config.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("output.txt").toFile()).start();
            TestPooler pooler = new TestPooler(directory, process, port);
            pooler.awaitListening(Duration.ofSeconds(10));
            return pooler;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The options the driver needs behind a pooler in transaction mode: no named prepared statements. */
    public static String driverOptions() {
        return "preparedStatementCacheQueries=0";
    }

    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private void awaitListening(Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        String output = Optional.of(directory.resolve("output.txt")).filter(Files::exists).map(TestPooler::read).orElse("")
                + Optional.of(directory.resolve("pgbouncer.log")).filter(Files::exists).map(TestPooler::read).orElse("");
        close();
        throw new IllegalStateException("PgBouncer did not start listening on 127.0.0.1:" + port + ": " + output);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
