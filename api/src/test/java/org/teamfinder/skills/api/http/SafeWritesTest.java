package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;

/** ETags and conditional requests, JSON Merge Patch, Idempotency-Key and batch creation, over HTTP. */
class SafeWritesTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(16);

    @RegisterExtension
    static final RunningService service = new RunningService();

    @BeforeEach
    void emptyCatalogue() {
        service.database().truncate();
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    // --- ETags and conditional requests ---

    @Test
    void everyResponseWithASkillCarriesItsVersionAsETag() {
        Response created = service.post("/skills", "{\"name\": \"Java\"}");
        String path = created.header("Location");

        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(service.get(path).header("ETag")).isEqualTo("\"1\"");
        assertThat(service.put(path, "{\"name\": \"Java 21\"}").header("ETag")).isEqualTo("\"2\"");
        assertThat(service.call("PATCH", path, "{\"category\": \"JVM\"}", "Content-Type", MERGE_PATCH).header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void ifNoneMatchWithTheCurrentTagGives304WithoutABody() {
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");

        Response unchanged = service.call("GET", path, null, "If-None-Match", "\"1\"");
        Response weakAndListed = service.call("GET", path, null, "If-None-Match", "\"7\", W/\"1\"");
        service.put(path, "{\"name\": \"Java 21\"}");
        Response changed = service.call("GET", path, null, "If-None-Match", "\"1\"");

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo("\"1\"");
        assertThat(weakAndListed.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json()).containsEntry("name", "Java 21");
    }

    @Test
    void staleIfMatchGives412WithTheCurrentTagAndChangesNothing() {
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");
        service.put(path, "{\"name\": \"Java 21\"}");

        Response put = service.call("PUT", path, "{\"name\": \"Java 17\"}", "If-Match", "\"1\"");
        Response patch = service.call("PATCH", path, "{\"name\": \"Java 17\"}", "Content-Type", MERGE_PATCH, "If-Match", "\"1\"");
        Response delete = service.call("DELETE", path, null, "If-Match", "\"1\"");

        for (Response response : List.of(put, patch, delete)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(412);
            assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(response.header("ETag")).isEqualTo("\"2\"");
            assertThat(response.json()).containsEntry("type", "urn:teamfinder:problem:stale-skill-version");
        }
        assertThat(service.get(path).json()).containsEntry("name", "Java 21").containsEntry("version", 2);
    }

    @Test
    void matchingIfMatchLetsTheWriteThrough() {
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");

        assertThat(service.call("PUT", path, "{\"name\": \"Java 21\"}", "If-Match", "\"1\"").status()).isEqualTo(200);
        assertThat(service.call("PATCH", path, "{\"category\": \"JVM\"}", "Content-Type", MERGE_PATCH, "If-Match", "\"0\", \"2\"").status())
                .isEqualTo(200);
        assertThat(service.call("DELETE", path, null, "If-Match", "*").status()).isEqualTo(204);
        assertThat(service.get(path).status()).isEqualTo(404);
    }

    @Test
    void weakOrForeignTagsNeverMatchForWrites() {
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");

        assertThat(service.call("PUT", path, "{\"name\": \"Java 21\"}", "If-Match", "W/\"1\"").status()).isEqualTo(412);
        assertThat(service.call("PUT", path, "{\"name\": \"Java 21\"}", "If-Match", "\"abc\"").status()).isEqualTo(412);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"1", "\"1\" \"2\"", "W/1"})
    void malformedIfMatchIs400(String header) {
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");

        Response response = service.call("PUT", path, "{\"name\": \"Java 21\"}", "If-Match", header);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("field=If-Match");
        assertThat(service.get(path).json()).containsEntry("version", 1);
    }

    @Test
    void ofConcurrentWritesWithOneIfMatchExactlyOneWinsAndTheRestGet412() {
        String path = service.post("/skills", "{\"name\": \"Contended\"}").header("Location");

        List<Response> responses = concurrently(12, i -> () -> service.call("PUT", path,
                "{\"name\": \"Contended\", \"description\": \"writer " + i + "\"}", "If-Match", "\"1\""));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 412).hasSize(11);
        String winner = (String) responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json().get("description");
        assertThat(service.get(path).json()).containsEntry("description", winner).containsEntry("version", 2);
    }

    @Test
    void concurrentPatchesOfDifferentFieldsWithoutIfMatchLoseNothing() {
        String path = service.post("/skills", "{\"name\": \"Merged\"}").header("Location");

        List<Response> responses = concurrently(8, i -> () -> service.call("PATCH", path,
                i % 2 == 0 ? "{\"category\": \"c" + i + "\"}" : "{\"description\": \"d" + i + "\"}", "Content-Type", MERGE_PATCH));

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
        Map<String, Object> last = service.get(path).json();
        assertThat(last.get("version")).isEqualTo(9);
        assertThat(last.get("category")).isNotNull();
        assertThat(last.get("description")).isNotNull();
    }

    // --- JSON Merge Patch ---

    @Test
    void mergePatchKeepsLeftOutFieldsRemovesNullsAndSetsStrings() {
        String path = service.post("/skills", "{\"name\": \"Java\", \"category\": \"Backend\", \"description\": \"JVM\"}").header("Location");

        Response patched = service.call("PATCH", path, "{\"category\": null, \"description\": \"The JVM language\"}", "Content-Type", MERGE_PATCH);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).containsEntry("name", "Java").containsEntry("category", null)
                .containsEntry("description", "The JVM language").containsEntry("version", 2);
    }

    @Test
    void mergePatchThatChangesNothingKeepsTheVersion() {
        String path = service.post("/skills", "{\"name\": \"Java\", \"category\": \"Backend\"}").header("Location");

        Response patched = service.call("PATCH", path, "{\"category\": \"Backend\", \"description\": null}", "Content-Type", MERGE_PATCH);

        assertThat(patched.json()).containsEntry("version", 1);
    }

    @Test
    void mergePatchCannotRemoveTheNameOrBreakTheRules() {
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");

        Response noName = service.call("PATCH", path, "{\"name\": null, \"description\": \"x\"}", "Content-Type", MERGE_PATCH);
        Response badFields = service.call("PATCH", path, "{\"category\": 5, \"colour\": \"red\"}", "Content-Type", MERGE_PATCH);

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").toString()).contains("field=name, message=cannot be removed");
        assertThat(badFields.status()).isEqualTo(400);
        assertThat(badFields.json().get("errors").toString()).contains("field=category", "field=colour");
        assertThat(service.get(path).json()).containsEntry("version", 1);
    }

    @Test
    void mergePatchTakingAnotherSkillsNameIs409() {
        service.post("/skills", "{\"name\": \"Kotlin\"}");
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");

        assertThat(service.call("PATCH", path, "{\"name\": \"KOTLIN\"}", "Content-Type", MERGE_PATCH).status()).isEqualTo(409);
    }

    @Test
    void patchNeedsTheMergePatchMediaType() {
        String path = service.post("/skills", "{\"name\": \"Java\"}").header("Location");

        Response response = service.call("PATCH", path, "{\"category\": \"JVM\"}");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(service.call("PATCH", "/skills/999999", "{}", "Content-Type", MERGE_PATCH).status()).isEqualTo(404);
    }

    // --- Idempotency-Key ---

    @Test
    void retryWithTheSameKeyAndBodyReturnsTheOriginalResponse() {
        Response first = service.call("POST", "/skills", "{\"name\": \"Java\"}", "Idempotency-Key", "8d5c1c1e-retry-1");
        service.put(first.header("Location"), "{\"name\": \"Java 21\"}");
        Response retry = service.call("POST", "/skills", "{\"name\": \"Java\"}", "Idempotency-Key", "8d5c1c1e-retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(service.get("/skills").jsonList()).hasSize(1);
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndCreatesNothing() {
        service.call("POST", "/skills", "{\"name\": \"Java\"}", "Idempotency-Key", "key-2");

        Response reused = service.call("POST", "/skills", "{\"name\": \"Kotlin\"}", "Idempotency-Key", "key-2");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json()).containsEntry("type", "urn:teamfinder:problem:idempotency-key-reused");
        assertThat(service.get("/skills").jsonList()).extracting(skill -> skill.get("name")).containsExactly("Java");
    }

    @Test
    void withoutAKeyARetryIsASecondRequest() {
        service.post("/skills", "{\"name\": \"Java\"}");

        assertThat(service.post("/skills", "{\"name\": \"Java\"}").status()).isEqualTo(409);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneSkill() {
        List<Response> responses = concurrently(10, i -> () -> service.call("POST", "/skills", "{\"name\": \"Once\"}",
                "Idempotency-Key", "concurrent-key"));

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
        assertThat(responses).extracting(Response::text).containsOnly(responses.get(0).text());
        assertThat(responses).filteredOn(response -> response.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(service.get("/skills").jsonList()).hasSize(1);
    }

    @Test
    void keysAreKeptInPostgreSqlForAtLeastADay() throws Exception {
        service.call("POST", "/skills", "{\"name\": \"Java\"}", "Idempotency-Key", "kept-key");
        // Make the key 23 hours old: still remembered.
        service.database().execute("UPDATE skill_creation_request SET received_at = now() - interval '23 hours'");

        Response retry = service.call("POST", "/skills", "{\"name\": \"Java\"}", "Idempotency-Key", "kept-key");

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        try (Connection connection = service.database().connect();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT received_at, skill_id FROM skill_creation_request WHERE idempotency_key = 'kept-key'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getTimestamp("received_at").toInstant()).isBefore(Instant.now().minus(Duration.ofHours(22)));
            assertThat(row.getLong("skill_id")).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"})
    void invalidKeysAre400(String key) {
        Response response = service.call("POST", "/skills", "{\"name\": \"Java\"}", "Idempotency-Key", key);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("field=Idempotency-Key");
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    // --- Batch ---

    @Test
    void aThousandSkillsAreCreatedInOneRequestInOrder() {
        String body = IntStream.rangeClosed(1, 1000).mapToObj(i -> "{\"name\": \"batch " + i + "\", \"category\": \"c" + (i % 7) + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "{\"skills\": [", "]}"));

        Response created = service.post("/skills/batch", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> skills = (List<Map<String, Object>>) created.json().get("skills");
        assertThat(skills).hasSize(1000);
        assertThat(skills.get(0)).containsEntry("name", "batch 1");
        assertThat(skills.get(999)).containsEntry("name", "batch 1000");
        assertThat(service.get("/skills/categories").jsonList()).extracting(category -> category.get("skills"))
                .containsExactly(142, 143, 143, 143, 143, 143, 143);
    }

    @Test
    void moreThanAThousandIs400() {
        String body = IntStream.rangeClosed(1, 1001).mapToObj(i -> "{\"name\": \"b" + i + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "{\"skills\": [", "]}"));

        Response response = service.post("/skills/batch", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").toString()).contains("had 1001");
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    @Test
    void invalidItemsAreListedOneByOneAndNothingIsCreated() {
        Response response = service.post("/skills/batch", """
                {"skills": [{"name": "Fine"}, {"name": ""}, {"name": "Also fine", "category": 7}, "Java", {"name": "ok", "colour": 1}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.json().get("errors").toString())
                .contains("field=skills[1].name", "field=skills[2].category", "field=skills[3],", "field=skills[4].colour")
                .doesNotContain("skills[0]");
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    @Test
    void takenAndRepeatedNamesAre409PerItemAndNothingIsCreated() {
        service.post("/skills", "{\"name\": \"Java\"}");

        Response taken = service.post("/skills/batch", "{\"skills\": [{\"name\": \"Go\"}, {\"name\": \"JAVA\"}]}");
        Response repeated = service.post("/skills/batch", "{\"skills\": [{\"name\": \"Go\"}, {\"name\": \"Rust\"}, {\"name\": \"go\"}]}");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json()).containsEntry("type", "urn:teamfinder:problem:skill-batch-conflict");
        assertThat(taken.json().get("errors").toString()).contains("field=skills[1].name").doesNotContain("skills[0]");
        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.json().get("errors").toString()).contains("field=skills[2].name", "repeats the name of skills[0]");
        assertThat(service.get("/skills").jsonList()).extracting(skill -> skill.get("name")).containsExactly("Java");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"skills\": []}", "{\"skills\": {}}", "[{\"name\": \"Java\"}]", "{\"skills\": [], \"extra\": 1}"})
    void malformedBatchesAre400(String body) {
        Response response = service.post("/skills/batch", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void aBatchOverOneMebibyteIs413() {
        String description = "d".repeat(2000);
        String body = IntStream.rangeClosed(1, 600).mapToObj(i -> "{\"name\": \"big " + i + "\", \"description\": \"" + description + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "{\"skills\": [", "]}"));

        Response response = service.post("/skills/batch", body);

        assertThat(body.length()).isGreaterThan(1024 * 1024);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    private interface Indexed<T> {
        Supplier<T> at(int index);
    }

    private static <T> List<T> concurrently(int count, Indexed<T> work) {
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(CompletableFuture.supplyAsync(work.at(i), CLIENTS));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
