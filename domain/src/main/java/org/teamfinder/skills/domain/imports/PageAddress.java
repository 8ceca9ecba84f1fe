package org.teamfinder.skills.domain.imports;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The address of a web page to import skills from: an absolute http or https URL with a host, without
 * user name or password, of at most {@value #MAX_LENGTH} characters. The fragment is dropped (a server
 * never sees it), so two addresses that differ only after '#' are the same page.
 */
public record PageAddress(URI uri) {

    public static final int MAX_LENGTH = 2048;

    public PageAddress {
        problemWith(uri).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** The address the text names, or a plain-words reason why it names none. */
    public static PageAddress parse(String text) throws InvalidPageAddress {
        if (text == null || text.isBlank()) {
            throw new InvalidPageAddress("must be a URL, not blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidPageAddress("must be at most " + MAX_LENGTH + " characters (was " + text.length() + ")");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidPageAddress("is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        if (uri.getRawFragment() != null) {
            try {
                uri = new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null);
            } catch (URISyntaxException e) {
                throw new InvalidPageAddress("is not a valid URL: " + e.getReason());
            }
        }
        Optional<String> problem = problemWith(uri);
        if (problem.isPresent()) {
            throw new InvalidPageAddress(problem.get());
        }
        return new PageAddress(uri);
    }

    /** The host in lower case, without brackets for IPv6: what per-host limits count by. */
    public String host() {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    private static Optional<String> problemWith(URI uri) {
        if (uri == null) {
            return Optional.of("must be a URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.toString().length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** A text that is not a page address; the message says why in plain words. */
    public static final class InvalidPageAddress extends Exception {
        public InvalidPageAddress(String message) {
            super(message, null, false, false);
        }
    }
}
