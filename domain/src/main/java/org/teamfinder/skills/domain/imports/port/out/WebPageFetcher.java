package org.teamfinder.skills.domain.imports.port.out;

import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.WebPage;

/**
 * Fetches web pages without blocking. An adapter follows redirects and enforces its limits (addresses it
 * may connect to, time, size, content type); every refusal or error completes the stage with
 * {@link PageFetchFailed}, saying why in plain words.
 */
public interface WebPageFetcher {

    CompletionStage<WebPage> fetch(PageAddress address);
}
