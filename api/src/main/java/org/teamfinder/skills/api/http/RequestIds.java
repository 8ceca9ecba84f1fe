package org.teamfinder.skills.api.http;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sensible token, else a new
 * UUID. The id goes back in the response header, into every problem body, and into the logging MDC
 * (key {@code requestId}) for every log line written while the request is handled, on whichever thread.
 * Each request ends with one access line on the logger {@code skills.access}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIds implements Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("skills.access");
    private static final String STARTED = RequestIds.class.getName() + ".started";

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    // Printable, no spaces or quotes, so an id cannot forge or split a log line.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    /** The id of a request, or null before this filter saw it. */
    static @Nullable String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        request.setAttribute(STARTED, System.nanoTime());
        MDC.put(MDC_KEY, id);
        try {
            context.add(new MdcPropagationContext());
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = of(request);
        if (id == null) {
            return;
        }
        response.header(HEADER, id);
        if (ACCESS.isInfoEnabled()) {
            long micros = request.getAttribute(STARTED, Long.class).map(started -> (System.nanoTime() - started) / 1000).orElse(-1L);
            MDC.put(MDC_KEY, id);
            try {
                ACCESS.info("{} {} {} {}.{} ms", request.getMethodName(), request.getPath(), response.code(), micros / 1000,
                        String.format("%03d", micros % 1000));
            } finally {
                MDC.remove(MDC_KEY);
            }
        }
    }

    /** Runs first, so that every other filter and every log line already has the id. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
