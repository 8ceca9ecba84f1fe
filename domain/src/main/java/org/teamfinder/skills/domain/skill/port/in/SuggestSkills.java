package org.teamfinder.skills.domain.skill.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.Suggestion;
import org.teamfinder.skills.domain.skill.SuggestQuery;

/**
 * The typeahead of a skill picker, asked on every keystroke: names and aliases that are the text, then those
 * that start with it, then those with a later word that starts with it, then near misses (see Typos); within
 * each, the most popular first, then by name. A skill appears once, with its best match.
 */
public interface SuggestSkills {

    CompletionStage<List<Suggestion>> suggest(SuggestQuery query);
}
