package org.teamfinder.skills.domain.imports;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * A fetched HTML page: where it finally came from (after redirects), the status it was answered with, its
 * bytes, the charset its Content-Type declared (absent: the page itself says, or UTF-8), and the validators
 * it was served with. Status 304 means the server has no newer version than the validators asked about: no
 * body, nothing to read.
 */
public record WebPage(URI address, int status, byte[] body, Optional<Charset> charset, Validators validators) {

    public WebPage {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(body, "body");
        charset = charset == null ? Optional.empty() : charset;
        validators = validators == null ? Validators.NONE : validators;
    }

    public WebPage(URI address, int status, byte[] body, Optional<Charset> charset) {
        this(address, status, body, charset, Validators.NONE);
    }

    /** The server's answer to a conditional request: unchanged since the validators it was asked about. */
    public static WebPage notModified(URI address, Validators validators) {
        return new WebPage(address, 304, new byte[0], Optional.empty(), validators);
    }

    public boolean isNotModified() {
        return status == 304;
    }
}
