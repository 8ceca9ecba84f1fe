package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

import java.util.Optional;

/**
 * A page could not be fetched or read; the message says why in plain words (it is shown to the user as
 * the page's error), with the HTTP status when the server answered.
 */
public final class PageFetchFailed extends SkillCatalogException {

    private final transient Optional<Integer> httpStatus;

    public PageFetchFailed(String reason) {
        this(reason, null);
    }

    public PageFetchFailed(String reason, Integer httpStatus) {
        super(reason);
        this.httpStatus = Optional.ofNullable(httpStatus);
    }

    public Optional<Integer> httpStatus() {
        return httpStatus;
    }
}
