package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.skill.SkillContent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What importing one page came to: the skills to save, or why the page failed (and its status, if it was answered). */
public record PageResult(Optional<Integer> httpStatus, List<SkillContent> skills, Optional<String> error) {

    public PageResult {
        httpStatus = httpStatus == null ? Optional.empty() : httpStatus;
        skills = List.copyOf(skills);
        error = error == null ? Optional.empty() : error;
        if (error.isPresent() && !skills.isEmpty()) {
            throw new IllegalArgumentException("a failed page has no skills to save");
        }
    }

    public static PageResult fetched(int httpStatus, List<SkillContent> skills) {
        return new PageResult(Optional.of(httpStatus), skills, Optional.empty());
    }

    public static PageResult failed(Optional<Integer> httpStatus, String error) {
        return new PageResult(httpStatus, List.of(), Optional.of(Objects.requireNonNull(error, "error")));
    }

    public boolean isFailure() {
        return error.isPresent();
    }
}
