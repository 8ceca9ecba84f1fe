package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;

/**
 * Bad input gets a 4xx problem+json that says what was wrong, never a 500, and never changes the catalogue.
 * One skill exists throughout; every case tries to break it or add to it.
 */
class SkillApiBadInputTest {

    @RegisterExtension
    static final RunningService service = new RunningService();

    private static Map<String, Object> existing;

    @BeforeAll
    static void createOneSkill() {
        existing = service.post("/skills", "{\"name\": \"Existing\", \"category\": \"Kept\"}").json();
    }

    @AfterAll
    static void catalogueIsUnchanged() {
        assertThat(service.get("/skills?limit=100").jsonList()).containsExactly(existing);
    }

    static Stream<Arguments> badBodies() {
        String longName = "n".repeat(101);
        return Stream.of(
                body("truncated JSON", "{\"name\": ", 400, "invalid-request"),
                body("not JSON at all", "name=Java", 400, "invalid-request"),
                body("trailing garbage", "{\"name\": \"A\"} x", 400, "invalid-request"),
                body("two objects", "{\"name\": \"A\"}{\"name\": \"B\"}", 400, "invalid-request"),
                body("duplicate key", "{\"name\": \"A\", \"name\": \"B\"}", 400, "invalid-request"),
                body("raw control character", "{\"name\": \"A\u0001B\"}", 400, "invalid-request"),
                body("array body", "[{\"name\": \"A\"}]", 400, "invalid-request"),
                body("string body", "\"Java\"", 400, "invalid-request"),
                body("number body", "42", 400, "invalid-request"),
                body("null body", "null", 400, "invalid-request"),
                body("empty object", "{}", 400, "invalid-skill"),
                body("name is a number", "{\"name\": 42}", 400, "invalid-skill"),
                body("name is a huge number", "{\"name\": 1e999999}", 400, "invalid-skill"),
                body("name is a boolean", "{\"name\": true}", 400, "invalid-skill"),
                body("name is an array", "{\"name\": [\"Java\"]}", 400, "invalid-skill"),
                body("name is an object", "{\"name\": {\"en\": \"Java\"}}", 400, "invalid-skill"),
                body("category is a number", "{\"name\": \"A\", \"category\": 123456789012345678901234567890}", 400, "invalid-skill"),
                body("description is an array", "{\"name\": \"A\", \"description\": []}", 400, "invalid-skill"),
                body("blank name", "{\"name\": \"   \"}", 400, "invalid-skill"),
                body("name too long", "{\"name\": \"" + longName + "\"}", 400, "invalid-skill"),
                body("category too long", "{\"name\": \"A\", \"category\": \"" + "c".repeat(51) + "\"}", 400, "invalid-skill"),
                body("description too long", "{\"name\": \"A\", \"description\": \"" + "d".repeat(2001) + "\"}", 400, "invalid-skill"),
                body("NUL in name", "{\"name\": \"Ja\\u0000va\"}", 400, "invalid-skill"),
                body("NUL in description", "{\"name\": \"A\", \"description\": \"x\\u0000y\"}", 400, "invalid-skill"),
                body("escape in name", "{\"name\": \"\\u001b[31mred\"}", 400, "invalid-skill"),
                body("unpaired surrogate", "{\"name\": \"\\ud800\"}", 400, "invalid-skill"),
                body("unknown field", "{\"name\": \"A\", \"level\": \"expert\"}", 400, "invalid-skill"),
                body("deeply nested", "{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + "}", 400, "invalid-request"),
                body("deeply nested unknown field", "{\"x\": " + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}", 400, null),
                body("number with 5000 digits", "{\"name\": " + "9".repeat(5000) + "}", 400, null));
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("badBodies")
    void badBodyOnCreateIsAClear4xx(String what, String json, int status, String type) {
        assertProblem(service.post("/skills", json), status, type);
    }

    @ParameterizedTest(name = "PUT {0}")
    @MethodSource("badBodies")
    void badBodyOnUpdateIsAClear4xx(String what, String json, int status, String type) {
        assertProblem(service.put("/skills/" + existing.get("id"), json), status, type);
    }

    @Test
    void invalidFieldsAreEachListed() {
        Response response = service.post("/skills", "{\"name\": 7, \"category\": \"" + "c".repeat(51) + "\", \"colour\": 1}");

        assertProblem(response, 400, "invalid-skill");
        assertThat(response.json().get("errors")).asList().containsExactlyInAnyOrder(
                Map.of("field", "colour", "message", "is not a field of a skill (expected name, aliases, category, description)"),
                Map.of("field", "name", "message", "must be a string, not a number"),
                Map.of("field", "category", "message", "must be at most 50 characters (was 51)"));
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = "{\"name\": \"Ja?va\"}".getBytes(StandardCharsets.UTF_8);
        body[12] = (byte) 0xC3; // a lead byte followed by an ASCII letter is not UTF-8
        Response response = service.send(HttpRequest.newBuilder(service.uri("/skills"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)));

        assertProblem(response, 400, "invalid-request");
    }

    @Test
    void emptyBodyIsRejected() {
        Response response = service.send(HttpRequest.newBuilder(service.uri("/skills"))
                .header("Content-Type", "application/json").POST(BodyPublishers.noBody()));

        assertProblem(response, 400, null);
    }

    @Test
    void wrongMediaTypeIs415() {
        Response response = service.send(HttpRequest.newBuilder(service.uri("/skills"))
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("{\"name\": \"A\"}")));

        assertProblem(response, 415, "about:blank");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String json = "{\"name\": \"A\", \"description\": \"" + "x".repeat(1_100_000) + "\"}";

        assertProblem(service.post("/skills", json), 413, "about:blank");
    }

    @ParameterizedTest(name = "GET /skills/{0}")
    @MethodSource("badIds")
    void badIdsAre400(String id) {
        Response response = service.get("/skills/" + id);

        assertProblem(response, 400, "invalid-request");
        assertThat(response.json().get("errors")).asList().extracting("field").containsExactly("id");
    }

    static List<String> badIds() {
        return List.of("abc", "0", "-1", "1.5", "1e3", "99999999999999999999", "9223372036854775808", "%20", "1%00");
    }

    @ParameterizedTest(name = "GET /skills?{0}")
    @MethodSource("badQueries")
    void badPagingParametersAre400(String query, String field) {
        Response response = service.get("/skills?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors")).asList().extracting("field").contains(field);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("limit=0", "limit"), Arguments.of("limit=101", "limit"), Arguments.of("limit=-1", "limit"),
                Arguments.of("limit=abc", "limit"), Arguments.of("limit=99999999999", "limit"), Arguments.of("limit=", "limit"),
                Arguments.of("offset=-1", "offset"), Arguments.of("offset=1e3", "offset"),
                Arguments.of("offset=99999999999999999999", "offset"), Arguments.of("limit=5&offset=x", "offset"));
    }

    @Test
    void unknownRouteIs404ProblemJson() {
        assertProblem(service.get("/skillz"), 404, "about:blank");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Response response = service.send(HttpRequest.newBuilder(service.uri("/skills")).DELETE());

        assertProblem(response, 405, "about:blank");
        assertThat(response.header("Allow")).contains("GET", "POST");
    }

    @Test
    void pathTricksDoNotReachAnythingElse() {
        assertThat(service.get("/skills/..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
        assertThat(service.get("/skills/1;DROP%20TABLE%20skill").status()).isIn(400, 404);
        assertThat(service.get("/skills/1%27%20OR%20%271%27=%271").status()).isEqualTo(400);
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        Map<String, Object> problem = response.json();
        assertThat(problem).containsKeys("type", "title", "status", "detail").containsEntry("status", status);
        assertThat((String) problem.get("detail")).isNotBlank();
        if (type != null) {
            assertThat(problem.get("type")).isEqualTo(type.equals("about:blank") ? type : "urn:teamfinder:problem:" + type);
        }
    }

    private static Arguments body(String what, String json, int status, String type) {
        return Arguments.of(what, json, status, type);
    }
}
