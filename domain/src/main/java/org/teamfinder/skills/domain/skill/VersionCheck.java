package org.teamfinder.skills.domain.skill;

import java.util.Collection;
import java.util.Set;

/**
 * The versions a writer expects a skill to have (an HTTP {@code If-Match}): the write happens only if the
 * skill's current version is one of them. {@link #none()} accepts any version.
 */
public record VersionCheck(Set<Long> versions) {

    private static final VersionCheck NONE = new VersionCheck(Set.of());

    public VersionCheck {
        versions = Set.copyOf(versions);
    }

    public static VersionCheck none() {
        return NONE;
    }

    public static VersionCheck oneOf(Collection<Long> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("expect at least one version, or use none()");
        }
        return new VersionCheck(Set.copyOf(versions));
    }

    public static VersionCheck exactly(long version) {
        return new VersionCheck(Set.of(version));
    }

    public boolean isNone() {
        return versions.isEmpty();
    }

    public boolean accepts(long version) {
        return versions.isEmpty() || versions.contains(version);
    }
}
