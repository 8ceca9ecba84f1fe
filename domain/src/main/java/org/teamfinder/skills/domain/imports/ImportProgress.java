package org.teamfinder.skills.domain.imports;

import java.util.List;

/** Counts over an import job's pages: pages finished (done or failed) of all, and the skills found, created, already present. */
public record ImportProgress(int pagesTotal, int pagesDone, int pagesFailed, int skillsFound, int skillsCreated, int skillsAlreadyPresent) {

    public static ImportProgress of(List<PageImport> pages) {
        int done = 0;
        int failed = 0;
        int found = 0;
        int created = 0;
        int present = 0;
        for (PageImport page : pages) {
            if (page.state().isFinished()) {
                done++;
            }
            if (page.state() == PageState.FAILED) {
                failed++;
            }
            found += page.skillsFound();
            created += page.skillsCreated();
            present += page.skillsAlreadyPresent();
        }
        return new ImportProgress(pages.size(), done, failed, found, created, present);
    }

    public boolean isComplete() {
        return pagesDone == pagesTotal;
    }
}
