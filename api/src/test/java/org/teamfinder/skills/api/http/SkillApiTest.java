package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;

/** The catalogue's endpoints doing their job, over real HTTP on a real PostgreSQL. */
class SkillApiTest {

    @RegisterExtension
    static final RunningService service = new RunningService();

    @BeforeEach
    void emptyCatalogue() {
        service.database().truncate();
    }

    @Test
    void createReturns201WithLocationAndTheStoredSkill() {
        Response created = service.post("/skills", """
                {"name": "  Java  ", "category": "Backend", "description": "The JVM language"}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        Map<String, Object> skill = created.json();
        assertThat(created.header("Location")).isEqualTo("/skills/" + skill.get("id"));
        assertThat(skill).containsEntry("name", "Java")
                .containsEntry("category", "Backend")
                .containsEntry("description", "The JVM language")
                .containsEntry("version", 1)
                .containsKeys("createdAt", "updatedAt");
        assertThat(skill.get("createdAt")).isEqualTo(skill.get("updatedAt"));
        assertThat((String) skill.get("createdAt")).endsWith("Z");
        assertThat(Instant.parse((String) skill.get("createdAt"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void absentOptionalFieldsAreSentAsNull() {
        Map<String, Object> skill = service.post("/skills", "{\"name\": \"Go\"}").json();

        assertThat(skill).containsOnlyKeys("id", "name", "aliases", "category", "description", "popularity", "mergedFrom", "createdAt",
                "updatedAt", "version");
        assertThat(skill.get("category")).isNull();
        assertThat(skill.get("description")).isNull();
        assertThat(skill.get("aliases")).isEqualTo(java.util.List.of());
        assertThat(skill.get("popularity")).isEqualTo(0);
        assertThat(skill.get("mergedFrom")).isEqualTo(java.util.List.of());
    }

    @Test
    void getReturnsWhatCreateReturned() {
        Response created = service.post("/skills", "{\"name\": \"Rust\", \"category\": \"Systems\"}");

        Response fetched = service.get(created.header("Location"));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
    }

    @Test
    void unknownIdIs404ProblemJson() {
        Response missing = service.get("/skills/424242");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(missing.json()).containsEntry("type", "urn:teamfinder:problem:skill-not-found")
                .containsEntry("title", "Skill not found")
                .containsEntry("status", 404)
                .containsEntry("instance", "/skills/424242");
        assertThat((String) missing.json().get("detail")).contains("424242");
    }

    @Test
    void listIsOrderedByIdWithLimitAndOffset() {
        List<Object> ids = IntStream.rangeClosed(1, 25)
                .mapToObj(i -> service.post("/skills", "{\"name\": \"Skill " + i + "\"}").json().get("id"))
                .toList();

        assertThat(service.get("/skills").jsonList()).extracting(skill -> skill.get("id")).containsExactlyElementsOf(ids.subList(0, 20));
        assertThat(service.get("/skills?limit=5&offset=10").jsonList()).extracting(skill -> skill.get("id"))
                .containsExactlyElementsOf(ids.subList(10, 15));
        assertThat(service.get("/skills?limit=100&offset=20").jsonList()).hasSize(5);
        assertThat(service.get("/skills?offset=1000").jsonList()).isEmpty();
    }

    @Test
    void putReplacesEverythingAndBumpsTheVersion() {
        Map<String, Object> original = service.post("/skills", """
                {"name": "Kotlin", "category": "JVM", "description": "old"}""").json();

        Response updated = service.put("/skills/" + original.get("id"), "{\"name\": \"Kotlin 2\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("name", "Kotlin 2").containsEntry("version", 2)
                .containsEntry("createdAt", original.get("createdAt"));
        assertThat(updated.json().get("category")).as("a full replace clears what is left out").isNull();
        assertThat(updated.json().get("description")).isNull();
        assertThat(Instant.parse((String) updated.json().get("updatedAt")))
                .isAfterOrEqualTo(Instant.parse((String) original.get("updatedAt")));
        assertThat(service.get("/skills/" + original.get("id")).json()).isEqualTo(updated.json());
    }

    @Test
    void putMayResendTheReadOnlyFieldsItRead() {
        Response created = service.post("/skills", "{\"name\": \"Scala\"}");
        String readBack = created.text().replace("\"Scala\"", "\"Scala 3\"");

        Response updated = service.put(created.header("Location"), readBack);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("name", "Scala 3").containsEntry("version", 2);
    }

    @Test
    void putOfUnknownIdIs404() {
        assertThat(service.put("/skills/99999", "{\"name\": \"Nothing\"}").status()).isEqualTo(404);
    }

    @Test
    void duplicateNameIsRejectedWith409OnCreateAndOnUpdate() {
        service.post("/skills", "{\"name\": \"Docker\"}");
        Object podman = service.post("/skills", "{\"name\": \"Podman\"}").json().get("id");

        Response duplicateCreate = service.post("/skills", "{\"name\": \"DOCKER\"}");
        Response duplicateUpdate = service.put("/skills/" + podman, "{\"name\": \"docker\"}");

        assertThat(duplicateCreate.status()).isEqualTo(409);
        assertThat(duplicateCreate.json()).containsEntry("type", "urn:teamfinder:problem:duplicate-skill-name");
        assertThat(duplicateUpdate.status()).isEqualTo(409);
        assertThat(service.get("/skills/" + podman).json()).containsEntry("name", "Podman");
    }

    @Test
    void deleteReturns204ThenTheSkillIsGone() {
        String location = service.post("/skills", "{\"name\": \"Perl\"}").header("Location");

        Response deleted = service.delete(location);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(service.get(location).status()).isEqualTo(404);
        assertThat(service.delete(location).status()).isEqualTo(404);
    }

    @Test
    void textComesBackExactlyAsStored() {
        String json = """
                {"name": "Ünïcödé 🚀", "category": "Тест", "description": "Tabs\\tand\\r\\nnewlines, quotes \\" and emoji 🚀 — кириллица, 中文"}""";

        Map<String, Object> skill = service.post("/skills", json).json();

        Map<String, Object> fetched = service.get("/skills/" + skill.get("id")).json();
        assertThat(fetched).containsEntry("name", "Ünïcödé 🚀").containsEntry("category", "Тест")
                .containsEntry("description", "Tabs\tand\r\nnewlines, quotes \" and emoji 🚀 — кириллица, 中文");
    }

    @Test
    void concurrentCreatesOfOneNameMakeExactlyOneSkill() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> attempts = IntStream.range(0, 32)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> service.post("/skills", "{\"name\": \"" + (i % 2 == 0 ? "Race" : "RACE") + "\"}").status(), pool))
                    .toList();

            List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(service.get("/skills").jsonList()).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }
}
