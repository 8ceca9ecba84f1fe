package org.teamfinder.skills.domain.skill.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.VocabularyTally;

/**
 * Fills the catalogue from a published vocabulary, a batch at a time. Idempotent: an entry is loaded once,
 * and a second load changes nothing. Never changes a skill that exists: an entry whose name is taken is left
 * alone, and an entry of a concept already loaded in another language only adds its labels as aliases of
 * that concept's skill (those no other skill has).
 */
public interface LoadVocabulary {

    CompletionStage<VocabularyTally> load(List<VocabularyEntry> entries);
}
