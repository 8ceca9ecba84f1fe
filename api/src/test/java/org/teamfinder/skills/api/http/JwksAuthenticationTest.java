package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.testing.RunningService;

/**
 * Tokens from an identity provider: the service takes the signing keys from its JWKS (served here on
 * 127.0.0.1) and accepts RS256 tokens signed by them, for the configured issuer only.
 */
class JwksAuthenticationTest {

    private static final RSAKey PROVIDER_KEY = rsaKey("provider-key");
    private static final RSAKey STRANGER_KEY = rsaKey("provider-key");
    private static final HttpServer JWKS = jwks(new JWKSet(PROVIDER_KEY.toPublicJWK()));
    private static final String ISSUER = "https://login.example.org/";

    @RegisterExtension
    static final RunningService service = new RunningService().with(Map.of(
            "micronaut.security.enabled", true,
            "micronaut.security.token.jwt.signatures.jwks.provider.url",
            "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/.well-known/jwks.json",
            "micronaut.security.token.jwt.claims-validators.issuer", ISSUER));

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Test
    void aTokenSignedByTheProvidersKeyMayWrite() {
        assertThat(create(token(PROVIDER_KEY, ISSUER, "skills:write"), "Signed").status()).isEqualTo(201);
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKeyIdIsRefused() {
        assertThat(create(token(STRANGER_KEY, ISSUER, "skills:write"), "Forged").status()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertThat(create(token(PROVIDER_KEY, "https://evil.example.org/", "skills:write"), "Elsewhere").status()).isEqualTo(401);
    }

    @Test
    void theScopeIsStillRequired() {
        assertThat(create(token(PROVIDER_KEY, ISSUER, "openid"), "Reader").status()).isEqualTo(403);
    }

    private static RunningService.Response create(String token, String name) {
        return service.call("POST", "/skills", "{\"name\": \"" + name + "\"}", "Authorization", "Bearer " + token);
    }

    private static String token(RSAKey key, String issuer, String scope) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("someone").claim("scope", scope)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwks(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
