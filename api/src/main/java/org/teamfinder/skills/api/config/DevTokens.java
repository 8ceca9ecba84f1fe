package org.teamfinder.skills.api.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints HS256 tokens signed with JWT_SECRET, for development and tests: in production tokens come from
 * the identity provider. {@code java -jar skills-api.jar token [scope] [minutes]}.
 */
public final class DevTokens {

    private DevTokens() {
    }

    public static String mint(String secret, String subject, String scope, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("skills-dev-token")
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new InvalidConfiguration("JWT_SECRET cannot sign a token: " + e.getMessage());
        }
        return token.serialize();
    }
}
