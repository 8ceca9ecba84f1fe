package org.teamfinder.skills.api.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may write: with auth on (the default), creating, changing, deleting and importing need a bearer JWT
 * whose {@code scope} claim holds {@value #WRITE_SCOPE}, signed with HS256 by {@code JWT_SECRET} or by a key
 * of the JWKS at {@code JWT_JWKS_URL}, optionally only from {@code JWT_ISSUER} for {@code JWT_AUDIENCE}. Reading stays public. {@code AUTH_ENABLED=false} turns the check off
 * for local development. {@link #toString()} never shows the secret.
 */
public record AuthSettings(boolean enabled, Optional<String> secret, Optional<URI> jwksUrl, Optional<String> issuer,
                           Optional<String> audience) {

    public static final String WRITE_SCOPE = "skills:write";
    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_SECRET_LENGTH = 32;

    static AuthSettings from(Variables read) {
        Optional<String> secret = read.text("JWT_SECRET");
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            throw new InvalidConfiguration("JWT_SECRET must be at least " + MIN_SECRET_LENGTH + " characters (HS256 needs a 256-bit key); "
                    + "the one given is shorter.");
        }
        Optional<URI> jwks = read.text("JWT_JWKS_URL").map(text -> {
            try {
                URI uri = URI.create(text);
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new InvalidConfiguration("JWT_JWKS_URL must be an http(s) URL such as https://login.example.org/.well-known/jwks.json.");
        });
        return new AuthSettings(read.bool("AUTH_ENABLED", true), secret, jwks, read.text("JWT_ISSUER"), read.text("JWT_AUDIENCE"));
    }

    /** Fails when auth is on but no token could ever be valid. */
    public void requireKey() {
        if (enabled && secret.isEmpty() && jwksUrl.isEmpty()) {
            throw new InvalidConfiguration("Writes need signed tokens: set JWT_SECRET (at least " + MIN_SECRET_LENGTH
                    + " characters) or JWT_JWKS_URL, or set AUTH_ENABLED=false for local development only.");
        }
    }

    Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.security.enabled", enabled);
        secret.ifPresent(key -> {
            properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", key);
            properties.put("micronaut.security.token.jwt.signatures.secret.generator.jws-algorithm", "HS256");
        });
        jwksUrl.ifPresent(url -> properties.put("micronaut.security.token.jwt.signatures.jwks.default.url", url.toString()));
        issuer.ifPresent(iss -> properties.put("micronaut.security.token.jwt.claims-validators.issuer", iss));
        audience.ifPresent(aud -> properties.put("micronaut.security.token.jwt.claims-validators.audience", aud));
        return properties;
    }

    @Override
    public String toString() {
        return "AuthSettings[enabled=" + enabled + ", secret " + (secret.isPresent() ? "set" : "unset") + ", jwksUrl="
                + jwksUrl.map(URI::toString).orElse("unset") + ", issuer=" + issuer.orElse("any") + ", audience=" + audience.orElse("any") + "]";
    }
}
