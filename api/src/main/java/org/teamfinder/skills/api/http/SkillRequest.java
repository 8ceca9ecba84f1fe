package org.teamfinder.skills.api.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.teamfinder.skills.domain.model.FieldProblem;
import org.teamfinder.skills.domain.model.InvalidSkill;
import org.teamfinder.skills.domain.model.SkillContent;

/**
 * Reads a skill from the raw bytes of a request body, strictly: one UTF-8 JSON object and nothing after
 * it, no key twice, and name, category and description as strings (category and description may be null
 * or left out). A number where a string belongs, or a field the API does not know, is reported rather than
 * guessed at, so no input is silently changed or dropped. The read-only fields of a response (id,
 * createdAt, updatedAt, version) are accepted and ignored, so a client may send back what it read.
 *
 * <p>It streams through the body with jackson-core's parser and builds no tree: values it does not want
 * are skipped, whatever their size or depth (within jackson-core's nesting and number limits).
 */
final class SkillRequest {

    private static final Set<String> WRITABLE = Set.of("name", "category", "description");
    private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "version");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SkillRequest() {
    }

    static SkillContent content(byte[] body) {
        if (body == null || body.length == 0) {
            throw notAnObject("The request body is empty; send a JSON object describing a skill, such as {\"name\": \"Java\"}.");
        }
        Map<String, String> texts = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject("The request body must be a JSON object describing a skill, such as {\"name\": \"Java\"}.");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!WRITABLE.contains(field)) {
                    if (!READ_ONLY.contains(field)) {
                        problems.add(new FieldProblem(field, "is not a field of a skill (expected name, category, description)"));
                    }
                } else if (value == JsonToken.VALUE_STRING) {
                    texts.put(field, parser.getText());
                } else if (value != JsonToken.VALUE_NULL) {
                    problems.add(new FieldProblem(field, "must be a string, not " + kind(value)));
                }
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw notJson("there is more after the JSON object", parser);
            }
        } catch (JsonProcessingException e) {
            throw notJson(e.getOriginalMessage(), e.getProcessor() instanceof JsonParser parser ? parser : null);
        } catch (IOException e) {
            throw notJson(e.getMessage(), null);
        }
        return validated(texts, problems);
    }

    private static SkillContent validated(Map<String, String> texts, List<FieldProblem> problems) {
        try {
            SkillContent content = new SkillContent(texts.get("name"),
                    Optional.ofNullable(texts.get("category")), Optional.ofNullable(texts.get("description")));
            if (problems.isEmpty()) {
                return content;
            }
        } catch (InvalidSkill invalid) {
            // A field with the wrong type was already reported; its rule check adds nothing.
            invalid.problems().stream()
                    .filter(problem -> problems.stream().noneMatch(known -> known.field().equals(problem.field())))
                    .forEach(problems::add);
        }
        throw new InvalidSkill(problems);
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            default -> "an object";
        };
    }

    private static InvalidRequest notAnObject(String message) {
        return new InvalidRequest(message, List.of(new FieldProblem("body", "must be a JSON object")));
    }

    private static InvalidRequest notJson(String reason, JsonParser parser) {
        String where = parser == null ? "" : " (line " + parser.currentLocation().getLineNr()
                + ", column " + parser.currentLocation().getColumnNr() + ")";
        return new InvalidRequest("The request body is not valid JSON: " + reason + where + ".",
                List.of(new FieldProblem("body", "must be valid JSON")));
    }
}
