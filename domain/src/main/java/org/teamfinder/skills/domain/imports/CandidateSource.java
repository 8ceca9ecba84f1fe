package org.teamfinder.skills.domain.imports;

/**
 * Where on a page a candidate skill was found, and so how far it is trusted: a strong source names skills
 * (an unknown name becomes a new skill), a weak one may (an unknown name becomes a suggestion on the job for
 * a curator), and prose only mentions them (only the catalogue's known names inside it count).
 */
public enum CandidateSource {

    /** schema.org data: skills, knowsAbout, teaches, competencyRequired, DefinedTerm names (JSON-LD, microdata, RDFa). */
    STRUCTURED_DATA(Trust.STRONG),
    /** An item of a list, a chip, a tag or a table cell under a skills heading or in a block named for skills. */
    SKILLS_LIST(Trust.STRONG),
    /** The alt text or title of an icon in such a block (the "Languages and Tools" row of a profile README). */
    ICON(Trust.STRONG),
    /** A link marked rel="tag", a meta keyword: a known name counts, an unknown one becomes a suggestion. */
    TAG(Trust.WEAK),
    /** A sentence of a skills section ("4+ years with Python or Go"): only the known names inside it count. */
    PROSE(Trust.KNOWN_ONLY);

    /** How far a source is trusted with a name the catalogue does not know. */
    public enum Trust {
        /** An unknown name becomes a new skill. */
        STRONG,
        /** An unknown name becomes a suggestion on the job. */
        WEAK,
        /** An unknown name is dropped. */
        KNOWN_ONLY
    }

    private final Trust trust;

    CandidateSource(Trust trust) {
        this.trust = trust;
    }

    public Trust trust() {
        return trust;
    }
}
