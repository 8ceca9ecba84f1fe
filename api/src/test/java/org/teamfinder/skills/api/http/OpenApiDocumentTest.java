package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.yaml.snakeyaml.Yaml;

/**
 * The generated OpenAPI document says what the API does: parameters with the types and bounds the parsing
 * uses, the bearer scheme on every write and only there, and the answers every operation can give. (The
 * linters and a client typed from the document run in .ci/openapi-check; routes and document are held equal
 * in OperationsTest.)
 */
class OpenApiDocumentTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static Map<String, Map<String, Map<String, Object>>> paths;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        try (InputStream yaml = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/swagger/skills-api.yml")) {
            Map<String, Object> document = new Yaml().load(yaml);
            paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
            assertThat((List<Object>) document.get("security")).as("reading needs no token; a token may be sent")
                    .containsExactly(Map.of(), Map.of(ApiDocs.BEARER, List.of()));
        }
    }

    @Test
    void listingParametersHaveTheTypesAndBoundsTheParsingUses() {
        Map<String, Object> limit = schema("/skills", "get", "limit");
        assertThat(limit).containsEntry("type", "integer").containsEntry("minimum", 1).containsEntry("maximum", SkillQuery.MAX_LIMIT)
                .containsEntry("default", SkillQuery.DEFAULT_LIMIT);
        assertThat(schema("/skills", "get", "offset")).containsEntry("type", "integer").containsEntry("minimum", 0);
        assertThat(schema("/skills", "get", "sort").get("enum")).asList().containsExactlyInAnyOrderElementsOf(RequestParameters.SORTS.keySet());
        assertThat(schema("/skills", "get", "order").get("enum")).asList().containsExactlyInAnyOrderElementsOf(RequestParameters.DIRECTIONS.keySet());
        assertThat(schema("/skills/suggest", "get", "limit")).containsEntry("type", "integer").containsEntry("maximum", SuggestQuery.MAX_LIMIT);
        assertThat(schema("/skills/{id}", "get", "id")).containsEntry("type", "integer").containsEntry("format", "int64");
    }

    @Test
    void everyWriteNeedsTheBearerSchemeAndSaysSoAndNoReadDoes() {
        operations().forEach((name, operation) -> {
            boolean write = WRITES.contains(name.substring(0, name.indexOf(' ')));
            if (write) {
                assertThat(operation.get("security")).as(name).isEqualTo(List.of(Map.of(ApiDocs.BEARER, List.of())));
                assertThat(responses(operation)).as(name).containsKeys("401", "403");
            } else {
                assertThat(operation).as(name).doesNotContainKey("security");
                assertThat(responses(operation)).as(name).doesNotContainKeys("401", "403");
            }
        });
    }

    @Test
    void everyOperationIsDescribedAndAnswersWhatItCan() {
        operations().forEach((name, operation) -> {
            assertThat(operation).as(name).containsKeys("operationId", "summary", "description", "tags");
            assertThat(responses(operation)).as(name).containsKey("503");
            assertThat(responses(operation).keySet()).as(name + ": a 4xx").anyMatch(code -> code.startsWith("4"));
            if (operation.containsKey("requestBody")) {
                assertThat(responses(operation)).as(name).containsKeys("400", "413", "415");
            }
            responses(operation).forEach((code, answer) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(answer.toString()).as(name + " " + code).contains("application/problem+json");
                }
            });
        });
    }

    private static Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new java.util.TreeMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(Map<String, Object> operation) {
        return (Map<String, Object>) operation.get("responses");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String path, String method, String parameter) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) paths.get(path).get(method).get("parameters");
        return parameters.stream().filter(each -> each.get("name").equals(parameter)).findFirst()
                .map(each -> (Map<String, Object>) each.get("schema")).orElseThrow(() -> new AssertionError(parameter + " of " + method + " " + path));
    }
}
