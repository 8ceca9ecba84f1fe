package org.teamfinder.skills.domain.imports.port.out;

import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.Validators;
import org.teamfinder.skills.domain.imports.WebPage;

/**
 * Fetches web pages without blocking, as a good citizen of the web: an adapter follows redirects, enforces
 * its limits (addresses it may connect to, time, size, content type) and the site's rules (robots.txt, a
 * delay between pages of one host). Every refusal or error completes the stage with {@link PageFetchFailed},
 * saying why in plain words.
 */
public interface WebPageFetcher {

    /**
     * The page at {@code address}; with {@code previous} validators (from the last import of the same address),
     * asks only for a newer version, and a server with none answers {@link WebPage#isNotModified()}.
     */
    CompletionStage<WebPage> fetch(PageAddress address, Validators previous);
}
