package org.teamfinder.skills.domain.imports.port.out;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.SkillCandidate;
import org.teamfinder.skills.domain.imports.WebPage;

/**
 * Finds the texts on a page that may name skills, as written, each with where it was found (the domain's
 * {@link org.teamfinder.skills.domain.imports.CandidateResolution} decides what they come to). Reading a page
 * is CPU work; an adapter decides where it runs. A page that cannot be read fails the stage with
 * {@link PageFetchFailed}.
 */
public interface SkillExtractor {

    CompletionStage<List<SkillCandidate>> candidates(WebPage page);
}
