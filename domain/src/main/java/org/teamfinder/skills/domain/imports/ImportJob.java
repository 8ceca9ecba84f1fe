package org.teamfinder.skills.domain.imports;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An import job: the pages a user handed in, in the order given, each with its outcome so far, when it was
 * cancelled if it was, and the names its pages suggested. State and progress follow from the pages, so they
 * can never disagree with them.
 */
public record ImportJob(UUID id, Optional<String> category, Instant createdAt, List<PageImport> pages, Optional<Instant> cancelledAt,
                        List<ImportSuggestion> suggestions) {

    public ImportJob {
        Objects.requireNonNull(id, "id");
        category = category == null ? Optional.empty() : category;
        Objects.requireNonNull(createdAt, "createdAt");
        pages = List.copyOf(pages);
        cancelledAt = cancelledAt == null ? Optional.empty() : cancelledAt;
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** A job never cancelled, with no suggestions. */
    public ImportJob(UUID id, Optional<String> category, Instant createdAt, List<PageImport> pages) {
        this(id, category, createdAt, pages, Optional.empty(), List.of());
    }

    public ImportProgress progress() {
        return ImportProgress.of(pages);
    }

    public ImportState state() {
        boolean finished = pages.stream().allMatch(page -> page.state().isFinished());
        if (cancelledAt.isPresent() && finished) {
            return ImportState.CANCELLED;
        }
        if (finished) {
            return ImportState.FINISHED;
        }
        return pages.stream().anyMatch(page -> page.state() != PageState.PENDING) ? ImportState.RUNNING : ImportState.QUEUED;
    }

    /** When the last page finished, once every page has. */
    public Optional<Instant> finishedAt() {
        if (!pages.stream().allMatch(page -> page.state().isFinished())) {
            return Optional.empty();
        }
        return pages.stream().map(PageImport::finishedAt).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }
}
