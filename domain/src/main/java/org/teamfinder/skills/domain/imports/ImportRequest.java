package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillContent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a user asks to import: 1 to {@value #MAX_PAGES} page addresses (a repeated address counts once,
 * first position kept) and the category to give the skills found, if any.
 */
public record ImportRequest(List<PageAddress> pages, Optional<String> category) {

    public static final int MAX_PAGES = 500;

    public ImportRequest {
        pages = List.copyOf(new LinkedHashSet<>(pages));
        category = category == null ? Optional.empty() : category;
        if (pages.isEmpty() || pages.size() > MAX_PAGES) {
            throw new InvalidImportRequest(List.of(new FieldProblem("urls", "must hold 1 to " + MAX_PAGES + " URLs (had " + pages.size() + ")")));
        }
    }

    /**
     * A request from what a client sent, checked as a whole: every bad URL is reported with its index
     * ({@code urls[3]}), and the category must pass the same rules as a skill's.
     */
    public static ImportRequest of(List<String> urls, String category) {
        List<FieldProblem> problems = new ArrayList<>();
        if (urls == null || urls.isEmpty() || urls.size() > MAX_PAGES) {
            problems.add(new FieldProblem("urls", "must hold 1 to " + MAX_PAGES + " URLs (had " + (urls == null ? 0 : urls.size()) + ")"));
        }
        Set<PageAddress> pages = new LinkedHashSet<>();
        if (urls != null && urls.size() <= MAX_PAGES) {
            for (int i = 0; i < urls.size(); i++) {
                try {
                    pages.add(PageAddress.parse(urls.get(i)));
                } catch (PageAddress.InvalidPageAddress invalid) {
                    problems.add(new FieldProblem("urls[" + i + "]", invalid.getMessage()));
                }
            }
        }
        Optional<String> checkedCategory = Optional.empty();
        if (category != null) {
            try {
                // The category rules are a skill's; any valid name stands in for the skills to come.
                checkedCategory = new SkillContent("-", Optional.of(category), Optional.empty()).category();
            } catch (InvalidSkill invalid) {
                invalid.problems().stream().filter(problem -> problem.field().equals("category")).forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportRequest(problems);
        }
        return new ImportRequest(List.copyOf(pages), checkedCategory);
    }
}
