package org.teamfinder.skills.webpages.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small web site on 127.0.0.1 for import tests: the fixture pages under {@code src/test/resources/fixtures}
 * and pages made to break the fetcher's limits. It counts every request by path and query, so a test can
 * tell whether (and how often) a URL was fetched.
 *
 * <ul>
 *   <li>{@code /pages/<file>}: a fixture page, text/html; charset=utf-8 (any query is ignored);</li>
 *   <li>{@code /cp1251/<file>}: a fixture page re-encoded as windows-1251, declared in Content-Type only;</li>
 *   <li>{@code /redirect/<n>}: n redirects, then the JSON-LD job posting;</li>
 *   <li>{@code /redirect-to?<url>}: one redirect to the URL given as the whole query;</li>
 *   <li>{@code /big} (Content-Length) and {@code /big-chunked} (no length): 3 MiB of HTML;</li>
 *   <li>{@code /pdf}: a non-HTML answer; {@code /missing}: 404; {@code /slow?ms=<ms>[&...]}: a page after a delay;</li>
 *   <li>{@code /robots.txt}: 404 unless a test says otherwise ({@link #robots(int, String)});</li>
 *   <li>{@code /versioned/<file>}: a fixture page with an ETag and a Last-Modified, answered 304 to a request that
 *       names them, until {@link #newVersion()}.</li>
 * </ul>
 * It also keeps when each request arrived and the last User-Agent, for the politeness tests.
 */
public final class FixtureSite implements AutoCloseable {

    private static final int BIG = 3 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightByHost = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlightByHost = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private volatile int robotsStatus = 404;
    private volatile String robotsBody = "";
    private volatile String userAgent;
    private final AtomicInteger version = new AtomicInteger(1);

    /** A request as it arrived: its path and query, and when (System.nanoTime()). */
    public record Arrival(String pathAndQuery, long nanos) {
    }

    public FixtureSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The site's URL for a path, e.g. {@code url("/pages/no-skills.html")}. */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port() + pathAndQuery;
    }

    /** How many requests reached this path and query. */
    public int hits(String pathAndQuery) {
        AtomicInteger count = hits.get(pathAndQuery);
        return count == null ? 0 : count.get();
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    public static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most requests this site was serving at once, in all. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    /** The most requests this site was serving at once for one Host header (such as {@code localhost:<port>}). */
    public int mostInFlight(String hostHeader) {
        AtomicInteger most = mostInFlightByHost.get(hostHeader);
        return most == null ? 0 : most.get();
    }

    /**
     * How the site answers /robots.txt from now on: {@code status} with {@code body} as text/plain (for a
     * redirect status, {@code body} is where to).
     */
    public void robots(int status, String body) {
        robotsStatus = status;
        robotsBody = body;
    }

    /** The versioned pages change: their next request gets the new version (a new ETag). */
    public void newVersion() {
        version.incrementAndGet();
    }

    /** Every request so far, in the order they arrived. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The User-Agent of the last request. */
    public String lastUserAgent() {
        return userAgent;
    }

    public int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String query = uri.getRawQuery();
        hits.computeIfAbsent(query == null ? path : path + "?" + query, key -> new AtomicInteger()).incrementAndGet();
        arrivals.add(new Arrival(query == null ? path : path + "?" + query, System.nanoTime()));
        userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host"));
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        int forHost = inFlightByHost.computeIfAbsent(host, key -> new AtomicInteger()).incrementAndGet();
        mostInFlightByHost.computeIfAbsent(host, key -> new AtomicInteger()).accumulateAndGet(forHost, Math::max);
        try (exchange) {
            serve(exchange, path, query);
        } finally {
            inFlight.decrementAndGet();
            inFlightByHost.get(host).decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange, String path, String query) {
        try {
            if (path.startsWith("/pages/")) {
                send(exchange, 200, "text/html; charset=utf-8", fixture(path.substring("/pages/".length())));
            } else if (path.startsWith("/cp1251/")) {
                Charset cp1251 = Charset.forName("windows-1251");
                byte[] page = new String(fixture(path.substring("/cp1251/".length())), StandardCharsets.UTF_8).getBytes(cp1251);
                send(exchange, 200, "text/html; charset=windows-1251", page);
            } else if (path.startsWith("/redirect/")) {
                int left = Integer.parseInt(path.substring("/redirect/".length()));
                redirect(exchange, left <= 1 ? "/pages/job-posting-jsonld.html" : "/redirect/" + (left - 1));
            } else if (path.equals("/redirect-to")) {
                redirect(exchange, query);
            } else if (path.equals("/big")) {
                send(exchange, 200, "text/html", bigPage());
            } else if (path.equals("/big-chunked")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(bigPage());
                } catch (IOException clientGaveUp) {
                    // expected: the fetcher stops reading at its limit
                }
            } else if (path.equals("/robots.txt")) {
                if (robotsStatus >= 300 && robotsStatus < 400) {
                    redirect(exchange, robotsBody);
                } else {
                    send(exchange, robotsStatus, "text/plain; charset=utf-8", robotsBody.getBytes(StandardCharsets.UTF_8));
                }
            } else if (path.startsWith("/versioned/")) {
                String etag = "\"v" + version.get() + "\"";
                String modified = "Mon, 0" + Math.min(9, version.get()) + " Nov 2026 10:00:00 GMT";
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.getResponseHeaders().set("Last-Modified", modified);
                    send(exchange, 200, "text/html; charset=utf-8", fixture(path.substring("/versioned/".length())));
                }
            } else if (path.equals("/pdf")) {
                send(exchange, 200, "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
            } else if (path.equals("/slow")) {
                Thread.sleep(Long.parseLong(query.replaceAll("^ms=(\\d+).*$", "$1")));
                send(exchange, 200, "text/html; charset=utf-8", fixture("no-skills.html"));
            } else {
                send(exchange, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // the fetcher may close a connection early (limits, timeouts)
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FixtureSite.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    private static byte[] bigPage() {
        StringBuilder page = new StringBuilder(BIG + 100).append("<html><body><h2>Skills</h2><ul>");
        while (page.length() < BIG) {
            page.append("<li>Java</li>");
        }
        return page.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
