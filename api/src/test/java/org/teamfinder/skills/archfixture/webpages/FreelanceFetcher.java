package org.teamfinder.skills.archfixture.webpages;

/** Breaks "web adapters implement domain ports": a fetcher that is no domain port's implementation. */
public class FreelanceFetcher {

    public String fetch(String url) {
        return url;
    }
}
