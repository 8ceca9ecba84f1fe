package org.teamfinder.skills.archfixture.api.web;

import org.teamfinder.skills.archfixture.domain.port.out.FixturePort;

/** A fetcher as it should be: it implements an outbound port of the domain. */
public class FixtureFetcher implements FixturePort {
    @Override
    public String load() {
        return "<html></html>";
    }
}
