package org.teamfinder.skills.webpages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.teamfinder.skills.domain.imports.CandidateSource;
import org.teamfinder.skills.domain.imports.SkillCandidate;

/**
 * The candidates found on one page, in the order of the page (where given), else in the order found; at most
 * {@value #MAX_PER_PAGE}, the first found kept (skills blocks and sections are read first). A page that offers
 * more is not a list of someone's skills, and the cap bounds what reading it costs.
 */
final class Candidates {

    static final int MAX_PER_PAGE = 2_000;

    private record Found(SkillCandidate candidate, int position) {
    }

    private final List<Found> found = new ArrayList<>();
    private int position;

    /** Where on the page the candidates added next were found: the index of their element in document order. */
    Candidates at(int position) {
        this.position = position;
        return this;
    }

    /**
     * A text in which a source names skills: one name, a list of them, or sentences. What reads as a name
     * counts from that source; the known names inside the sentences count as prose.
     */
    void named(String text, CandidateSource source) {
        add(text, source);
        add(text, CandidateSource.PROSE);
    }

    /** Prose, in which only the catalogue's known names count. */
    void prose(String text) {
        add(text, CandidateSource.PROSE);
    }

    void add(String text, CandidateSource source) {
        if (text != null && !text.isBlank() && found.size() < MAX_PER_PAGE) {
            found.add(new Found(new SkillCandidate(text.strip(), source), position));
        }
    }

    /** Whether the page has given all the candidates it may. */
    boolean full() {
        return found.size() >= MAX_PER_PAGE;
    }

    boolean any(CandidateSource source) {
        return found.stream().anyMatch(each -> each.candidate().source() == source);
    }

    List<SkillCandidate> all() {
        return found.stream().sorted(Comparator.comparingInt(Found::position)).map(Found::candidate).toList();
    }
}
