package org.teamfinder.skills.domain.imports;

/** A page whose outcome was recorded: what importing it came to and what that did to the catalogue. */
public record ImportedPage(ClaimedPage page, PageResult result, PageTally tally) {
}
