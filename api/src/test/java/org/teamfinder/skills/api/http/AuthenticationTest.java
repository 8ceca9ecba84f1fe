package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teamfinder.skills.api.config.DevTokens;
import org.teamfinder.skills.api.testing.RunningService;

/** Reading is public; every write needs a valid bearer JWT with the skills:write scope. */
class AuthenticationTest {

    private static final String SECRET = "test-signing-secret-0123456789-abcdefghij";

    @RegisterExtension
    static final RunningService service = new RunningService().with(Map.of(
            "micronaut.security.enabled", true,
            "micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET,
            "micronaut.security.token.jwt.signatures.secret.generator.jws-algorithm", "HS256"));

    @BeforeEach
    void empty() {
        service.database().truncate();
    }

    @ParameterizedTest
    @CsvSource({"/skills", "/skills/categories", "/skills/1", "/skills/imports/00000000-0000-4000-8000-000000000000",
            "/health/readiness", "/swagger/skills-api.yml", "/skills/suggest?q=ja", "/skills/resolve?name=Java"})
    void readingNeedsNoToken(String path) {
        assertThat(service.get(path).status()).isIn(200, 404);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /skills          | {"name": "Java"}
            POST   | /skills/batch    | {"skills": [{"name": "Java"}]}
            PUT    | /skills/1        | {"name": "Java"}
            PATCH  | /skills/1        | {"name": "Java"}
            DELETE | /skills/1        |
            POST   | /skills/imports  | {"urls": ["https://example.org/"]}
            POST   | /skills/1/merges | {"source": 2}
            POST   | /skills/uses     | {"uses": [{"skill": 1}]}
            """)
    void everyWriteWithoutATokenIs401AndChangesNothing(String method, String path, String body) {
        RunningService.Response response = service.call(method, path, body,
                "Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"skills\"");
        assertThat(response.json()).containsEntry("type", "urn:teamfinder:problem:unauthorized").containsEntry("status", 401);
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a JWT                   | garbage
            signed with another secret  | other-secret
            expired                     | expired
            not valid yet               | future
            unsigned (alg none)         | none
            """)
    void anInvalidTokenIs401WithInvalidToken(String what, String kind) throws Exception {
        String token = switch (kind) {
            case "garbage" -> "not.a.jwt";
            case "other-secret" -> sign("another-secret-of-enough-length-0123456789", "skills:write", Instant.now(), Duration.ofMinutes(5));
            case "expired" -> sign(SECRET, "skills:write", Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5));
            case "future" -> sign(SECRET, "skills:write", Instant.now().plus(Duration.ofHours(1)), Duration.ofMinutes(5));
            default -> unsigned("skills:write");
        };

        RunningService.Response response = service.call("POST", "/skills", "{\"name\": \"Java\"}", "Authorization", "Bearer " + token);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"skills\", error=\"invalid_token\"");
        assertThat(response.text()).doesNotContain(token);
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"''", "skills:read", "skills:writer", "openid profile"})
    void aTokenWithoutTheWriteScopeIs403(String scope) {
        RunningService.Response response = service.call("POST", "/skills", "{\"name\": \"Java\"}",
                "Authorization", "Bearer " + DevTokens.mint(SECRET, "reader", scope, Duration.ofMinutes(5)));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"skills\", error=\"insufficient_scope\", scope=\"skills:write\"");
        assertThat(response.json()).containsEntry("type", "urn:teamfinder:problem:insufficient-scope");
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    @Test
    void aValidTokenWithTheWriteScopeAmongOthersMayWrite() {
        String token = "Bearer " + DevTokens.mint(SECRET, "writer", "openid skills:write profile", Duration.ofMinutes(5));

        RunningService.Response created = service.call("POST", "/skills", "{\"name\": \"Java\"}", "Authorization", token);
        RunningService.Response patched = service.call("PATCH", created.header("Location"), "{\"category\": \"Backend\"}",
                "Authorization", token, "Content-Type", "application/merge-patch+json");
        RunningService.Response deleted = service.call("DELETE", created.header("Location"), null, "Authorization", token);

        assertThat(created.status()).isEqualTo(201);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(deleted.status()).isEqualTo(204);
    }

    @Test
    void validationStillAnswers400ForAnAuthorisedWriter() {
        RunningService.Response response = service.call("POST", "/skills", "{\"name\": 7}",
                "Authorization", "Bearer " + DevTokens.mint(SECRET, "writer", "skills:write", Duration.ofMinutes(5)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).containsEntry("type", "urn:teamfinder:problem:invalid-skill");
    }

    private static String sign(String secret, String scope, Instant issued, Duration lifetime) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("someone").claim("scope", scope)
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(issued.plus(lifetime))).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }

    private static String unsigned(String scope) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"sub\":\"x\",\"scope\":\"" + scope + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void anIdempotencyKeyBelongsToTheCallerThatSentIt() {
        String alice = DevTokens.mint(SECRET, "alice", "skills:write", Duration.ofMinutes(5));
        String bob = DevTokens.mint(SECRET, "bob", "skills:write", Duration.ofMinutes(5));
        String key = "0b6f3c1e-8f0a-4a52-9d1e-5c2b7f1d9a10";

        RunningService.Response alicesSkill = createOnce(alice, key, "{\"name\": \"Kotlin\"}");
        RunningService.Response bobsSkill = createOnce(bob, key, "{\"name\": \"Haskell\"}");
        RunningService.Response alicesRetry = createOnce(alice, key, "{\"name\": \"Kotlin\"}");
        RunningService.Response bobsRetry = createOnce(bob, key, "{\"name\": \"Haskell\"}");

        assertThat(alicesSkill.status()).isEqualTo(201);
        assertThat(bobsSkill.status()).as("the same key from another caller is another request").isEqualTo(201);
        assertThat(bobsSkill.header("Idempotent-Replayed")).isNull();
        assertThat(bobsSkill.json()).containsEntry("name", "Haskell");
        assertThat(alicesRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(alicesRetry.json()).isEqualTo(alicesSkill.json());
        assertThat(bobsRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(bobsRetry.json()).isEqualTo(bobsSkill.json());
        assertThat(service.get("/skills").jsonList()).hasSize(2);
    }

    private static RunningService.Response createOnce(String token, String key, String body) {
        return service.call("POST", "/skills", body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
    }
}
