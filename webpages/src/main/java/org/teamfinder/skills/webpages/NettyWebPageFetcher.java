package org.teamfinder.skills.webpages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLException;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.Validators;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.imports.port.out.WebPageFetcher;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * The domain's {@link WebPageFetcher} on Reactor Netty's HTTP client: non-blocking, with every connection's
 * address checked by an {@link AddressGuard} (see {@link GuardedAddressResolverGroup}), redirects followed
 * by hand so each hop is checked and counted, and the {@link FetchLimits} enforced. Only HTML answers
 * (text/html, application/xhtml+xml) with a 2xx status are pages; anything else fails with a reason a user
 * can act on.
 */
public final class NettyWebPageFetcher implements WebPageFetcher, AutoCloseable {

    /** The product token robots.txt rules are matched against (RFC 9309), and the start of our User-Agent. */
    public static final String ROBOTS_TOKEN = "TeamFinderSkillsBot";
    static final String USER_AGENT = ROBOTS_TOKEN + "/1.0";
    /** RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt; what follows is ignored. */
    static final int ROBOTS_MAX_BYTES = 512 * 1024;
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchLimits limits;
    private final ConnectionProvider connections;
    private final HttpClient client;

    /** {@code lookups} runs the blocking name lookups; the caller owns it and shuts it down. */
    public NettyWebPageFetcher(AddressGuard guard, FetchLimits limits, int connectionsPerHost, Executor lookups) {
        this(guard, limits, connectionsPerHost, lookups, Optional.empty());
    }

    /**
     * As the other constructor; {@code contact} (a URL where site owners learn about the crawler and reach its
     * operators) goes into the User-Agent, as good crawlers do: {@code TeamFinderSkillsBot/1.0 (+https://...)}.
     */
    public NettyWebPageFetcher(AddressGuard guard, FetchLimits limits, int connectionsPerHost, Executor lookups, Optional<String> contact) {
        this.limits = limits;
        String userAgent = contact.map(url -> USER_AGENT + " (+" + url + ")").orElse(USER_AGENT);
        this.connections = ConnectionProvider.builder("web-pages")
                .maxConnections(connectionsPerHost)
                .pendingAcquireTimeout(limits.totalTimeout())
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        this.client = HttpClient.create(connections)
                .resolver(new GuardedAddressResolverGroup(guard, lookups))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, limits.connectTimeout().toMillis()))
                .followRedirect(false)
                .compress(true)
                .headers(headers -> headers
                        .set(HttpHeaderNames.USER_AGENT, userAgent)
                        .set(HttpHeaderNames.ACCEPT, "text/html,application/xhtml+xml;q=0.9"));
    }

    @Override
    public CompletionStage<WebPage> fetch(PageAddress address, Validators previous) {
        return get(address.uri(), 0, previous)
                .timeout(limits.totalTimeout(), Mono.error(() -> new PageFetchFailed(
                        "no complete answer within " + seconds(limits.totalTimeout()) + " (the time limit for a page)")))
                .onErrorMap(error -> !(error instanceof PageFetchFailed), error -> explained(error, address))
                .toFuture();
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
    }

    /**
     * The host's robots.txt ({@code origin}: scheme, host and port), following up to 5 redirects (RFC 9309),
     * read up to {@value #ROBOTS_MAX_BYTES} bytes whatever its type; any status is an answer. Fails (as a
     * {@link PageFetchFailed}) only when the host cannot be reached or does not answer in time.
     */
    public CompletionStage<RobotsAnswer> robots(URI origin) {
        return robotsAt(origin.resolve("/robots.txt"), 0)
                .timeout(limits.totalTimeout(), Mono.error(() -> new RobotsUnreachable("no complete answer in time")))
                .onErrorMap(error -> !(error instanceof RobotsUnreachable), error -> {
                    PageFetchFailed explained = explained(error, new PageAddress(origin));
                    // An address the guard refuses is refused for the page too; anything else means the host did not answer.
                    return refused(error) ? explained : new RobotsUnreachable(explained.getMessage());
                })
                .toFuture();
    }

    /** The host's robots.txt could not be fetched: no connection, no complete answer. (An answered status is no failure.) */
    public static final class RobotsUnreachable extends RuntimeException {
        RobotsUnreachable(String reason) {
            super(reason, null, false, false);
        }
    }

    private static boolean refused(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof GuardedAddressResolverGroup.AddressRefused) {
                return true;
            }
        }
        return false;
    }

    /** A robots.txt answer: its final status and up to {@value #ROBOTS_MAX_BYTES} bytes of its body. */
    public record RobotsAnswer(int status, byte[] body) {
    }

    private Mono<RobotsAnswer> robotsAt(URI uri, int redirectsSoFar) {
        return client.get().uri(uri.toASCIIString())
                .response((response, body) -> {
                    int status = response.status().code();
                    String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
                    if (REDIRECTS.contains(status) && location != null && !location.isBlank() && redirectsSoFar < 5) {
                        return Mono.just(new RobotsAnswer(-status, location.strip().getBytes(StandardCharsets.UTF_8)));
                    }
                    return body.asByteArray()
                            .reduceWith(ByteArrayOutputStream::new, (bytes, chunk) -> {
                                bytes.write(chunk, 0, Math.max(0, Math.min(chunk.length, ROBOTS_MAX_BYTES - bytes.size())));
                                return bytes;
                            })
                            .defaultIfEmpty(new ByteArrayOutputStream())
                            .map(bytes -> new RobotsAnswer(status, bytes.toByteArray()));
                })
                .single()
                .flatMap(answer -> {
                    if (answer.status() >= 0) {
                        return Mono.just(answer);
                    }
                    URI next;
                    try {
                        next = PageAddress.parse(uri.resolve(new String(answer.body(), StandardCharsets.UTF_8)).toString()).uri();
                    } catch (PageAddress.InvalidPageAddress | IllegalArgumentException invalid) {
                        // A redirect to nowhere the crawler may go: as if there were no robots.txt (RFC 9309: unavailable).
                        return Mono.just(new RobotsAnswer(404, new byte[0]));
                    }
                    return robotsAt(next, redirectsSoFar + 1);
                });
    }

    /** The page at {@code uri}, following up to the redirect limit; conditional on {@code previous} validators, if any. */
    private Mono<WebPage> get(URI uri, int redirectsSoFar, Validators previous) {
        return client
                .headers(headers -> {
                    previous.etag().ifPresent(etag -> headers.set(HttpHeaderNames.IF_NONE_MATCH, etag));
                    previous.lastModified().ifPresent(date -> headers.set(HttpHeaderNames.IF_MODIFIED_SINCE, date));
                })
                .get().uri(uri.toASCIIString())
                .response((response, body) -> {
                    int status = response.status().code();
                    if (REDIRECTS.contains(status)) {
                        // The body of a redirect is not read; the connection is drained or closed by the client.
                        return Mono.just(Answer.redirect(status, response.responseHeaders().get(HttpHeaderNames.LOCATION)));
                    }
                    if (status == 304 && !previous.isEmpty()) {
                        return Mono.just(Answer.page(WebPage.notModified(uri, previous)));
                    }
                    Validators validators = new Validators(Optional.ofNullable(response.responseHeaders().get(HttpHeaderNames.ETAG)),
                            Optional.ofNullable(response.responseHeaders().get(HttpHeaderNames.LAST_MODIFIED)));
                    Charset charset;
                    try {
                        charset = checked(response);
                    } catch (PageFetchFailed refused) {
                        return Mono.error(refused);
                    }
                    return body.asByteArray()
                            .reduceWith(ByteArrayOutputStream::new, (bytes, chunk) -> {
                                if (bytes.size() + chunk.length > limits.maxBytes()) {
                                    throw tooLarge(status);
                                }
                                bytes.write(chunk, 0, chunk.length);
                                return bytes;
                            })
                            .map(bytes -> Answer.page(new WebPage(uri, status, bytes.toByteArray(), Optional.ofNullable(charset), validators)));
                })
                .single()
                .flatMap(answer -> answer.page() != null ? Mono.just(answer.page()) : follow(uri, answer, redirectsSoFar, previous));
    }

    private Mono<WebPage> follow(URI from, Answer redirect, int redirectsSoFar, Validators previous) {
        if (redirect.location() == null || redirect.location().isBlank()) {
            return Mono.error(new PageFetchFailed("the server answered " + redirect.status() + " (a redirect) without saying where to",
                    redirect.status()));
        }
        if (redirectsSoFar == limits.maxRedirects()) {
            return Mono.error(new PageFetchFailed("more than " + limits.maxRedirects() + " redirects", redirect.status()));
        }
        PageAddress next;
        try {
            next = PageAddress.parse(from.resolve(redirect.location().strip()).toString());
        } catch (PageAddress.InvalidPageAddress | IllegalArgumentException invalid) {
            return Mono.error(new PageFetchFailed("redirected to '" + abbreviated(redirect.location())
                    + "', which is not an http or https address the service can fetch", redirect.status()));
        }
        return get(next.uri(), redirectsSoFar + 1, previous);
    }

    /** Checks an answer's status, type and announced size before its body is read; returns its declared charset, if any. */
    private Charset checked(HttpClientResponse response) {
        int status = response.status().code();
        if (status < 200 || status > 299) {
            throw new PageFetchFailed("the server answered " + status + " " + HttpResponseStatus.valueOf(status).reasonPhrase(), status);
        }
        String contentType = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!HTML_TYPES.contains(mediaType)) {
            throw new PageFetchFailed(contentType == null
                    ? "the answer does not say it is HTML (no Content-Type); only HTML pages are read"
                    : "the answer is " + abbreviated(mediaType) + ", not an HTML page", status);
        }
        String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limits.maxBytes()) {
            throw tooLarge(status);
        }
        CharSequence charsetName = HttpUtil.getCharsetAsSequence(contentType);
        if (charsetName == null) {
            return null;
        }
        String name = charsetName.toString().strip().replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new PageFetchFailed("the page is in charset '" + abbreviated(name) + "', which the service cannot read", status);
        }
    }

    private PageFetchFailed tooLarge(int status) {
        return new PageFetchFailed("the page is larger than " + limits.maxBytes() / 1024 + " KiB (the size limit for a page)", status);
    }

    /** A plain-words reason for a network failure. */
    static PageFetchFailed explained(Throwable error, PageAddress address) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PageFetchFailed failed) {
                return failed;
            }
            if (cause instanceof GuardedAddressResolverGroup.AddressRefused refused) {
                return new PageFetchFailed("refused: " + refused.getMessage());
            }
            if (cause instanceof UnknownHostException) {
                return new PageFetchFailed("the host " + address.host() + " (or a host it redirected to) could not be found");
            }
            if (cause instanceof ConnectTimeoutException) {
                return new PageFetchFailed("could not connect in time (the connect time limit)");
            }
            if (cause instanceof ConnectException) {
                return new PageFetchFailed("the connection was refused");
            }
            if (cause instanceof PrematureCloseException) {
                return new PageFetchFailed("the server closed the connection before the answer was complete");
            }
            if (cause instanceof SSLException) {
                return new PageFetchFailed("the secure connection failed: " + abbreviated(String.valueOf(cause.getMessage())));
            }
            if (cause instanceof DecoderException) {
                return new PageFetchFailed("the answer was not valid HTTP");
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new PageFetchFailed(root instanceof IOException
                ? "network error: " + abbreviated(String.valueOf(root.getMessage()))
                : "the page could not be fetched (" + root.getClass().getSimpleName() + ")");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String abbreviated(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /** A page, or a redirect to follow. */
    private record Answer(WebPage page, int status, String location) {
        static Answer page(WebPage page) {
            return new Answer(page, page.status(), null);
        }

        static Answer redirect(int status, String location) {
            return new Answer(null, status, location);
        }
    }
}
