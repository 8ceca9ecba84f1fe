package org.teamfinder.skills.domain.imports;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * A fetched HTML page: where it finally came from (after redirects), the status it was answered with, its
 * bytes, and the charset its Content-Type declared (absent: the page itself says, or UTF-8).
 */
public record WebPage(URI address, int status, byte[] body, Optional<Charset> charset) {

    public WebPage {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(body, "body");
        charset = charset == null ? Optional.empty() : charset;
    }
}
