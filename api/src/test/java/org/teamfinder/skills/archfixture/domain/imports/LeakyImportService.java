package org.teamfinder.skills.archfixture.domain.imports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Breaks "the domain does no IO": a domain service that fetches a page itself. */
public class LeakyImportService {

    public String fetch(HttpClient client, URI page) throws Exception {
        return client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
