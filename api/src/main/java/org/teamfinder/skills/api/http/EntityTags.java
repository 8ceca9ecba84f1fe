package org.teamfinder.skills.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.VersionCheck;

/**
 * ETags of skills (RFC 9110): a strong tag made of the skill's version, such as {@code "3"}, which
 * changes with every change of the skill. Reads {@code If-Match} for conditional writes and
 * {@code If-None-Match} for conditional reads.
 */
final class EntityTags {

    // An entity-tag: optional weakness mark, then a quoted string of visible characters except the quote.
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"\\s*");
    // A version no skill ever has (versions start at 1): a write conditioned on it always gets 412.
    private static final long NO_VERSION = 0;

    private EntityTags() {
    }

    static String of(Skill skill) {
        return ofVersion(skill.version());
    }

    static String ofVersion(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} header allows: any for a missing header or {@code *}. Tags that are
     * weak or not one of ours can never match (RFC 9110 uses the strong comparison here), so a header made
     * only of those makes the write fail with 412.
     */
    static VersionCheck ifMatch(@Nullable String header) {
        if (header == null || header.strip().equals("*")) {
            return VersionCheck.none();
        }
        List<Long> versions = new ArrayList<>();
        for (Tag tag : parse("If-Match", header)) {
            if (!tag.weak()) {
                versions.add(version(tag.opaque()));
            }
        }
        return VersionCheck.oneOf(versions.isEmpty() ? List.of(NO_VERSION) : versions);
    }

    /** Whether an {@code If-None-Match} header matches the skill (weak comparison), so a GET can answer 304. */
    static boolean noneMatchFails(@Nullable String header, Skill skill) {
        if (header == null) {
            return false;
        }
        if (header.strip().equals("*")) {
            return true;
        }
        return parse("If-None-Match", header).stream().anyMatch(tag -> version(tag.opaque()) == skill.version());
    }

    private record Tag(boolean weak, String opaque) {
    }

    private static List<Tag> parse(String headerName, String header) {
        List<Tag> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            Matcher matcher = TAG.matcher(part);
            if (!matcher.matches()) {
                throw new InvalidRequest("The " + headerName + " header must list entity tags such as \"3\" (with the quotes), "
                        + "as the ETag header gives them; it was: " + header,
                        List.of(new FieldProblem(headerName, "must be * or a list of quoted entity tags")));
            }
            tags.add(new Tag(matcher.group(1) != null, matcher.group(2)));
        }
        return tags;
    }

    private static long version(String opaque) {
        try {
            long version = Long.parseLong(opaque);
            return version > 0 ? version : NO_VERSION;
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }
}
