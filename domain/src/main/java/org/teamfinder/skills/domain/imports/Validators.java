package org.teamfinder.skills.domain.imports;

import java.util.Optional;

/**
 * What a server said identifies the version of a page it served (its ETag and Last-Modified), so that fetching
 * the page again can ask for it only if it changed since (If-None-Match, If-Modified-Since).
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
        etag = etag == null ? Optional.empty() : etag;
        lastModified = lastModified == null ? Optional.empty() : lastModified;
    }

    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }
}
