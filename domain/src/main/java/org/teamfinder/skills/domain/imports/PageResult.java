package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.skill.SkillContent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What importing one page came to: the skills it names (each created, or counted when the catalogue has it),
 * the canonical names of known skills it only mentions (counted), the unknown names it suggests (kept on the
 * job for a curator), and the validators it was served with (kept for the next import of the address); or
 * that it had not changed since its last import; or why it failed. And the status it was answered with.
 */
public record PageResult(Optional<Integer> httpStatus, List<SkillContent> skills, List<String> mentioned, List<String> suggested,
                         Validators validators, boolean unchanged, Optional<String> error) {

    public PageResult {
        httpStatus = httpStatus == null ? Optional.empty() : httpStatus;
        skills = List.copyOf(skills);
        mentioned = mentioned == null ? List.of() : List.copyOf(mentioned);
        suggested = suggested == null ? List.of() : List.copyOf(suggested);
        validators = validators == null ? Validators.NONE : validators;
        error = error == null ? Optional.empty() : error;
        if (error.isPresent() && !(skills.isEmpty() && mentioned.isEmpty() && suggested.isEmpty())) {
            throw new IllegalArgumentException("a failed page has no skills to save");
        }
    }

    /** A page read: the skills it names, nothing else. */
    public static PageResult fetched(int httpStatus, List<SkillContent> skills) {
        return new PageResult(Optional.of(httpStatus), skills, List.of(), List.of(), Validators.NONE, false, Optional.empty());
    }

    /** A page read: what it names, mentions and suggests, and the validators it was served with. */
    public static PageResult read(int httpStatus, List<SkillContent> skills, List<String> mentioned, List<String> suggested,
                                  Validators validators) {
        return new PageResult(Optional.of(httpStatus), skills, mentioned, suggested, validators, false, Optional.empty());
    }

    /** A page the server says has not changed since its last import: nothing read, nothing counted. */
    public static PageResult unchanged(Validators validators) {
        return new PageResult(Optional.of(304), List.of(), List.of(), List.of(), validators, true, Optional.empty());
    }

    public static PageResult failed(Optional<Integer> httpStatus, String error) {
        return new PageResult(httpStatus, List.of(), List.of(), List.of(), Validators.NONE, false, Optional.of(Objects.requireNonNull(error, "error")));
    }

    public boolean isFailure() {
        return error.isPresent();
    }
}
