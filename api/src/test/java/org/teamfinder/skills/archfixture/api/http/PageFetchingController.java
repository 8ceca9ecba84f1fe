package org.teamfinder.skills.archfixture.api.http;

import org.jsoup.Jsoup;

/** Breaks "controllers neither fetch nor parse pages": it parses a page itself. */
public class PageFetchingController {
    public String title(String html) {
        return Jsoup.parse(html).title();
    }
}
