package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.testkit.Eventually;

/**
 * When the client leaves, the work stops. A test session holds a lock on a table, so every statement the
 * service sends for a request waits in PostgreSQL (a long query, as it were); the clients hang up with a
 * reset; within a second the statements are gone from pg_stat_activity, every connection is back in the
 * pool, nothing was half written, and each request was logged as 499 and counted by route.
 */
class ClientGoneTest {

    @RegisterExtension
    static final RunningService service = new RunningService().withPool("initialSize=1&maxSize=4&maxAcquireTime=PT5S");

    private final ListAppender<ILoggingEvent> access = new ListAppender<>();
    private Connection locker;

    @BeforeEach
    void listen() {
        service.database().truncate();
        Logger log = (Logger) LoggerFactory.getLogger("skills.access");
        log.setLevel(Level.INFO);
        access.start();
        log.addAppender(access);
    }

    @AfterEach
    void stopListening() throws SQLException {
        ((Logger) LoggerFactory.getLogger("skills.access")).detachAppender(access);
        if (locker != null && !locker.isClosed()) {
            locker.rollback();
            locker.close();
        }
    }

    @Test
    void readsAndTheTypeaheadStopWhenTheirClientsLeave() throws Exception {
        String location = service.post("/skills", "{\"name\": \"Kotlin\", \"aliases\": [\"kt\"]}").header("Location");
        lock("skill");

        List<Socket> clients = List.of(send(get(location)), send(get("/skills?limit=50")), send(get("/skills/suggest?q=kot")),
                send(get("/skills/resolve?name=kt")));
        awaitWaitingStatements(4);
        clients.forEach(ClientGoneTest::reset);

        assertNoStatementWaitsWithinASecond();
        assertPoolIsIdle();
        assertThat(accessLines()).filteredOn(line -> line.contains(" 499 ")).hasSize(4);
        unlock();
        assertThat(service.get(location).status()).isEqualTo(200);
        assertThat(service.get("/prometheus").text()).contains("status=\"499\",uri=\"/skills/{id}\"");
    }

    @Test
    void writesStoppedWhileWaitingLeaveNothingBehind() throws Exception {
        lock("skill");

        List<Socket> clients = List.of(
                send(post("/skills", "{\"name\": \"Lost create\"}", "")),
                send(post("/skills", "{\"name\": \"Lost keyed create\"}", "Idempotency-Key: lost-1\r\n")),
                send(post("/skills/batch", "{\"skills\": [{\"name\": \"Lost one\"}, {\"name\": \"Lost two\"}]}", "")));
        awaitWaitingStatements(3);
        clients.forEach(ClientGoneTest::reset);

        assertNoStatementWaitsWithinASecond();
        assertPoolIsIdle();
        unlock();
        assertThat(service.get("/skills").jsonList()).as("nothing was written, not even in part").isEmpty();
        assertThat(count("SELECT count(*) FROM skill_creation_request")).as("no idempotency key was left claimed").isZero();
        assertThat(service.post("/skills", "{\"name\": \"Lost keyed create\"}").status()).isEqualTo(201);
    }

    @Test
    void aRequestWaitingForAConnectionStopsWaitingWhenItsClientLeaves() throws Exception {
        lock("skill");
        List<Socket> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holders.add(send(get("/skills?limit=" + (i + 1))));
        }
        awaitWaitingStatements(4);

        Socket waiting = send(get("/skills/categories"));
        Eventually.await(() -> pool().getMetrics().orElseThrow().pendingAcquireSize(), pending -> pending == 1, Duration.ofSeconds(5),
                "a request waiting for a connection");
        reset(waiting);
        Eventually.await(() -> pool().getMetrics().orElseThrow().pendingAcquireSize(), pending -> pending == 0, Duration.ofSeconds(1),
                "the wait given up");
        holders.forEach(ClientGoneTest::reset);

        assertNoStatementWaitsWithinASecond();
        assertPoolIsIdle();
    }

    @Test
    void anImportRequestWhoseClientLeavesLeavesNoJobBehind() throws Exception {
        lock("import_job");

        Socket client = send(post("/skills/imports", "{\"urls\": [\"https://example.org/a\", \"https://example.org/b\"]}", ""));
        awaitWaitingStatements(1);
        reset(client);

        assertNoStatementWaitsWithinASecond();
        unlock();
        assertThat(count("SELECT count(*) FROM import_job") + count("SELECT count(*) FROM import_page")).isZero();
        assertPoolIsIdle();
    }

    @Test
    void aClientThatLeavesWhileTheAnswerIsWrittenDisturbsNothing() throws Exception {
        service.post("/skills/batch", "{\"skills\": [" + String.join(",", java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "{\"name\": \"Skill " + i + "\", \"description\": \"" + "x".repeat(1500) + "\"}").toList()) + "]}");

        for (int i = 0; i < 20; i++) {
            Socket client = send(get("/skills?limit=100"));
            InputStream in = client.getInputStream();
            assertThat(in.read(new byte[512])).isPositive(); // the answer has begun
            reset(client);
        }

        assertPoolIsIdle();
        assertThat(service.get("/skills?limit=100").jsonList()).hasSize(100);
    }

    private void lock(String table) throws SQLException {
        locker = service.database().connect();
        locker.setAutoCommit(false);
        try (Statement statement = locker.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    private void unlock() throws SQLException {
        locker.rollback();
        locker.close();
    }

    private void awaitWaitingStatements(int statements) {
        Eventually.await(this::waitingStatements, waiting -> waiting >= statements, Duration.ofSeconds(5), statements + " statements waiting");
    }

    private void assertNoStatementWaitsWithinASecond() {
        Eventually.await(this::waitingStatements, waiting -> waiting == 0, Duration.ofSeconds(1), "the waiting statements cancelled");
    }

    /** Statements of the service (not of this test) that PostgreSQL is running for the test's database. */
    private int waitingStatements() {
        try {
            return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
                    + "AND pid <> pg_backend_pid() AND pid <> " + lockerPid());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int lockerPid() throws SQLException {
        try (Statement statement = locker.createStatement(); ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = service.database().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void assertPoolIsIdle() {
        PoolMetrics metrics = Eventually.await(() -> pool().getMetrics().orElseThrow(),
                now -> now.acquiredSize() == 0 && now.pendingAcquireSize() == 0, Duration.ofSeconds(1), "every connection back in the pool");
        assertThat(metrics.acquiredSize()).isZero();
    }

    private List<String> accessLines() {
        return Eventually.await(() -> access.list.stream().map(ILoggingEvent::getFormattedMessage).toList(),
                lines -> lines.stream().filter(line -> line.contains(" 499 ")).count() >= 4, Duration.ofSeconds(2), "499s in the access log");
    }

    private static ConnectionPool pool() {
        ConnectionFactory factory = service.applicationContext().getBean(ConnectionFactory.class);
        return (ConnectionPool) factory;
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    private static String post(String path, String json, String headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headers + "Content-Length: "
                + body.length + "\r\n\r\n" + json;
    }

    private static Socket send(String request) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.uri("/").getPort());
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** Hangs up with a reset, as a client that crashes or times out does. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
