package org.teamfinder.skills.domain.skill;

/**
 * What loading vocabulary entries did: skills created, aliases added to a skill that the same concept made in
 * another language, entries loaded before (left alone, whatever became of their skill since), and entries
 * whose name another skill already has (left alone too: curators' skills are never changed).
 */
public record VocabularyTally(int created, int aliasesAdded, int loadedBefore, int nameTaken) {

    public static final VocabularyTally NONE = new VocabularyTally(0, 0, 0, 0);

    public VocabularyTally plus(VocabularyTally other) {
        return new VocabularyTally(created + other.created, aliasesAdded + other.aliasesAdded, loadedBefore + other.loadedBefore,
                nameTaken + other.nameTaken);
    }

    public int entries() {
        return created + loadedBefore + nameTaken + (aliasesAdded > 0 ? 0 : 0);
    }
}
