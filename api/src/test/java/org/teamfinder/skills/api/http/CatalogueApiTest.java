package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;

/** Aliases, merges, popularity and the typeahead over HTTP. */
class CatalogueApiTest {

    @RegisterExtension
    static final RunningService service = new RunningService();

    @BeforeEach
    void empty() {
        service.database().truncate();
    }

    @Test
    void aliasesAreWrittenAndReadWithTheSkillAndChangeItsVersion() {
        Response created = service.post("/skills", "{\"name\": \"JavaScript\", \"aliases\": [\"JS\", \" ECMAScript \", \"Джаваскрипт\"]}");
        String location = created.header("Location");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("aliases")).isEqualTo(List.of("JS", "ECMAScript", "Джаваскрипт"));
        Response patched = service.call("PATCH", location, "{\"aliases\": [\"JS\", \"ES6\"]}", "Content-Type", "application/merge-patch+json",
                "If-Match", created.header("ETag"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).containsEntry("aliases", List.of("JS", "ES6")).containsEntry("version", 2);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        Response stale = service.call("PATCH", location, "{\"aliases\": null}", "Content-Type", "application/merge-patch+json",
                "If-Match", created.header("ETag"));
        assertThat(stale.status()).isEqualTo(412);
        Response replaced = service.put(location, "{\"name\": \"JavaScript\"}");
        assertThat(replaced.json().get("aliases")).as("PUT replaces everything, aliases too").isEqualTo(List.of());
    }

    @Test
    void aNameOrAliasAnotherSkillHasIs409NamingThatSkill() {
        Response postgres = service.post("/skills", "{\"name\": \"PostgreSQL\", \"aliases\": [\"Postgres\"]}");
        long id = ((Number) postgres.json().get("id")).longValue();

        for (String body : List.of("{\"name\": \"postgres\"}", "{\"name\": \"MySQL\", \"aliases\": [\"POSTGRESQL\"]}")) {
            Response conflict = service.post("/skills", body);
            assertThat(conflict.status()).as(body).isEqualTo(409);
            assertThat(conflict.header("Location")).isEqualTo("/skills/" + id);
            assertThat(conflict.json()).containsEntry("type", "urn:teamfinder:problem:duplicate-skill-name").containsEntry("skillId", (int) id);
            assertThat((String) conflict.json().get("detail")).contains("skill " + id);
        }
    }

    @Test
    void aliasesThatBreakTheRulesAre400NamingEachOne() {
        Response invalid = service.post("/skills", "{\"name\": \"Go\", \"aliases\": [\"golang\", \"GO\", \"\", 7, \"Golang\"]}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").toString()).contains("field=aliases[1]", "field=aliases[2]", "field=aliases[3]",
                "field=aliases[4]");
        assertThat(service.get("/skills").jsonList()).isEmpty();
    }

    @Test
    void aNameOrAliasResolvesToItsSkill() {
        Response python = service.post("/skills", "{\"name\": \"Python\", \"aliases\": [\"Питон\"]}");

        Response resolved = service.get("/skills/resolve?name=%D0%BF%D0%B8%D1%82%D0%BE%D0%BD");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json()).isEqualTo(python.json());
        assertThat(resolved.header("Content-Location")).isEqualTo(python.header("Location"));
        assertThat(service.get("/skills/resolve?name=Cobol").json()).containsEntry("type", "urn:teamfinder:problem:skill-name-unknown")
                .containsEntry("status", 404);
        assertThat(service.get("/skills/resolve").status()).isEqualTo(400);
        assertThat(service.get("/skills/resolve?name=x&nmae=y").status()).isEqualTo(400);
    }

    @Test
    void theTypeaheadSaysWhatMatchedAndHow() {
        service.post("/skills", "{\"name\": \"Spring Boot\", \"category\": \"Backend\"}");
        service.post("/skills", "{\"name\": \"Python\", \"aliases\": [\"Py\"]}");

        List<Map<String, Object>> boot = service.get("/skills/suggest?q=boot").jsonList();
        List<Map<String, Object>> typo = service.get("/skills/suggest?q=Pyhton&limit=3").jsonList();

        assertThat(boot).singleElement().satisfies(hit -> assertThat(hit).containsEntry("name", "Spring Boot").containsEntry("matched", "Spring Boot")
                .containsEntry("match", "word").containsEntry("alias", false).containsEntry("category", "Backend"));
        assertThat(typo).singleElement().satisfies(hit -> assertThat(hit).containsEntry("name", "Python").containsEntry("match", "typo"));
        assertThat(service.get("/skills/suggest?q=py").jsonList()).extracting(hit -> hit.get("matched")).containsExactly("Py");
        assertThat(service.get("/skills/suggest").status()).isEqualTo(400);
        assertThat(service.get("/skills/suggest?q=a&limit=51").json().get("errors").toString()).contains("field=limit");
        assertThat(service.get("/skills/suggest?q=%20").json().get("errors").toString()).contains("field=q");
    }

    @Test
    void aMergeMovesEverythingAndTheOldIdRedirects() {
        Response js = service.post("/skills", "{\"name\": \"JS\", \"aliases\": [\"Vanilla JS\"]}");
        Response javascript = service.post("/skills", "{\"name\": \"JavaScript\"}");
        long jsId = ((Number) js.json().get("id")).longValue();
        service.call("POST", "/skills/uses", "{\"uses\": [{\"skill\": " + jsId + ", \"count\": 4}]}");

        Response stale = service.call("POST", javascript.header("Location") + "/merges", "{\"source\": " + jsId + ", \"sourceVersion\": 7}");
        Response merged = service.call("POST", javascript.header("Location") + "/merges", "{\"source\": " + jsId + ", \"sourceVersion\": 1}",
                "If-Match", javascript.header("ETag"));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json()).containsEntry("aliases", List.of("JS", "Vanilla JS")).containsEntry("popularity", 4)
                .containsEntry("mergedFrom", List.of(Map.of("id", (int) jsId, "name", "JS")));
        Response redirect = service.get(js.header("Location"));
        assertThat(redirect.status()).isEqualTo(308);
        assertThat(redirect.header("Location")).isEqualTo(javascript.header("Location"));
        Response write = service.put(js.header("Location"), "{\"name\": \"JS\"}");
        assertThat(write.status()).isEqualTo(410);
        assertThat(write.header("Location")).isEqualTo(javascript.header("Location"));
        assertThat(service.get("/skills/resolve?name=vanilla%20js").json()).containsEntry("name", "JavaScript");
        assertThat(service.call("POST", javascript.header("Location") + "/merges", "{\"source\": " + ((Number) javascript.json().get("id")).longValue()
                + "}").status()).as("into itself").isEqualTo(400);
    }

    @Test
    void usesCountByIdOrNameAllOrNothing() {
        Response go = service.post("/skills", "{\"name\": \"Go\", \"aliases\": [\"Golang\"]}");

        Response counted = service.call("POST", "/skills/uses", "{\"uses\": [{\"name\": \"golang\", \"count\": 2}, {\"skill\": "
                + go.json().get("id") + "}]}");
        Response refused = service.call("POST", "/skills/uses", "{\"uses\": [{\"name\": \"Go\"}, {\"name\": \"Cobol\"}]}");
        Response malformed = service.call("POST", "/skills/uses", "{\"uses\": [{\"name\": \"Go\", \"count\": 0}, {\"colour\": 1}]}");

        assertThat(counted.status()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString()).contains("field=uses[1].name");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").toString()).contains("field=uses[0].count", "field=uses[1].colour");
        assertThat(service.get(go.header("Location")).json()).containsEntry("popularity", 3).containsEntry("version", 1);
        assertThat(service.get("/skills?sort=popularity&order=desc").jsonList()).extracting(skill -> skill.get("name")).containsExactly("Go");
    }
}
