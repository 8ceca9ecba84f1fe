package org.teamfinder.skills.domain.imports.port.out;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.SkillNames;
import org.teamfinder.skills.domain.imports.WebPage;

/**
 * Finds the texts on a page that name skills, as written (the domain's {@link SkillNames} normalises and
 * filters them). Reading a page is CPU work; an adapter decides where it runs. A page that cannot be read
 * fails the stage with {@link PageFetchFailed}.
 */
public interface SkillExtractor {

    CompletionStage<List<String>> candidates(WebPage page);
}
