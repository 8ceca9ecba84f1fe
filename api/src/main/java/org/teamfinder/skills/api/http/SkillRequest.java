package org.teamfinder.skills.api.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillPatch;
import org.teamfinder.skills.domain.skill.SkillPatch.Change;
import org.teamfinder.skills.domain.skill.port.in.CreateSkills;

/**
 * Reads skills from the raw bytes of a request body, strictly: UTF-8 JSON and nothing after it, no key
 * twice, and name, category and description as strings or null. A number where a string belongs, or a
 * field the API does not know, is reported rather than guessed at, so no input is silently changed or
 * dropped. The read-only fields of a response (id, createdAt, updatedAt, version) are accepted and
 * ignored, so a client may send back what it read.
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
    private static final String EXAMPLE = "{\"name\": \"Java\"}";

    /**
     * The writable fields one JSON object carried (absent, null as an empty Optional, or a string), and
     * what was wrong with its fields' types or names.
     */
    private record Fields(Map<String, Optional<String>> values, List<FieldProblem> problems) {
        Optional<String> text(String field) {
            return values.getOrDefault(field, Optional.empty());
        }

        Change change(String field) {
            if (!values.containsKey(field)) {
                return Change.KEEP;
            }
            return values.get(field).map(Change::to).orElse(Change.REMOVE);
        }
    }

    private SkillRequest() {
    }

    /** A whole skill (POST, PUT): name required, category and description optional. */
    static SkillContent content(byte[] body) {
        Fields fields = readWhole(body, "a JSON object describing a skill, such as " + EXAMPLE, parser -> readObject(parser, ""));
        return validated(fields, "");
    }

    /** A JSON Merge Patch (RFC 7396) of a skill: a field left out is kept, null removes it, a string sets it. */
    static SkillPatch patch(byte[] body) {
        Fields fields = readWhole(body, "a JSON merge patch object, such as {\"description\": \"new text\"}",
                parser -> readObject(parser, ""));
        if (!fields.problems().isEmpty()) {
            throw new InvalidSkill(fields.problems());
        }
        return new SkillPatch(fields.change("name"), fields.change("category"), fields.change("description"));
    }

    /** A batch: {@code {"skills": [ {...}, ... ]}} with 1 to {@link CreateSkills#MAX_BATCH_SIZE} skills. */
    static List<SkillContent> batch(byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Fields> items = readWhole(body, "a JSON object with a list of skills, such as {\"skills\": [" + EXAMPLE + "]}",
                parser -> readBatch(parser, problems));
        if (items.isEmpty() || items.size() > CreateSkills.MAX_BATCH_SIZE) {
            problems.add(new FieldProblem("skills", "must hold 1 to " + CreateSkills.MAX_BATCH_SIZE + " skills (had " + items.size() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSkill(problems);
        }
        List<SkillContent> contents = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                contents.add(validated(items.get(i), "skills[" + i + "]."));
            } catch (InvalidSkill invalid) {
                problems.addAll(invalid.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSkill(problems);
        }
        return contents;
    }

    interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Reads a body that must be exactly one JSON object, with the reader positioned on its START_OBJECT. */
    static <T> T readWhole(byte[] body, String expected, Reader<T> reader) {
        if (body == null || body.length == 0) {
            throw notAnObject("The request body is empty; send " + expected + ".");
        }
        try (JsonParser parser = JSON.createParser(strictUtf8(body))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject("The request body must be " + expected + ".");
            }
            T read = reader.read(parser);
            if (parser.nextToken() != null) {
                throw notJson("there is more after the JSON object", parser);
            }
            return read;
        } catch (JsonProcessingException e) {
            throw notJson(e.getOriginalMessage(), e.getProcessor() instanceof JsonParser parser ? parser : null);
        } catch (IOException e) {
            throw notJson(e.getMessage(), null);
        }
    }

    /**
     * The body as text, decoded once and strictly: a body that is not well-formed UTF-8 is refused here,
     * because the JSON parser would turn overlong forms (C0 AF for '/') and encoded surrogates into
     * characters instead of refusing them.
     */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The request body is not valid UTF-8.", List.of(new FieldProblem("body", "must be UTF-8 encoded")));
        }
    }

    /** Reads the object whose START_OBJECT the parser is on, up to and including its END_OBJECT. */
    private static Fields readObject(JsonParser parser, String prefix) throws IOException {
        Map<String, Optional<String>> values = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!WRITABLE.contains(field)) {
                if (!READ_ONLY.contains(field)) {
                    problems.add(new FieldProblem(prefix + field, "is not a field of a skill (expected name, category, description)"));
                }
            } else if (value == JsonToken.VALUE_STRING) {
                values.put(field, Optional.of(parser.getText()));
            } else if (value == JsonToken.VALUE_NULL) {
                values.put(field, Optional.empty());
            } else {
                problems.add(new FieldProblem(prefix + field, "must be a string, not " + kind(value)));
            }
            parser.skipChildren();
        }
        return new Fields(values, problems);
    }

    private static List<Fields> readBatch(JsonParser parser, List<FieldProblem> problems) throws IOException {
        List<Fields> items = new ArrayList<>();
        boolean sawSkills = false;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!field.equals("skills")) {
                problems.add(new FieldProblem(field, "is not a field of a batch (expected skills)"));
                parser.skipChildren();
            } else if (value != JsonToken.START_ARRAY) {
                sawSkills = true;
                problems.add(new FieldProblem("skills", "must be a list of skills, not " + kind(value)));
                parser.skipChildren();
            } else {
                sawSkills = true;
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    String itemPrefix = "skills[" + items.size() + "].";
                    if (item == JsonToken.START_OBJECT) {
                        items.add(readObject(parser, itemPrefix));
                    } else {
                        parser.skipChildren();
                        items.add(new Fields(Map.of(), List.of(new FieldProblem(
                                "skills[" + items.size() + "]", "must be a skill object, not " + kind(item)))));
                    }
                }
            }
        }
        if (!sawSkills) {
            problems.add(new FieldProblem("skills", "is required"));
        }
        return items;
    }

    private static SkillContent validated(Fields fields, String prefix) {
        List<FieldProblem> problems = new ArrayList<>(fields.problems());
        if (problems.stream().anyMatch(problem -> !problem.field().startsWith(prefix))) {
            throw new InvalidSkill(problems);  // not an object at all: its fields mean nothing
        }
        try {
            SkillContent content = new SkillContent(fields.text("name").orElse(null), fields.text("category"), fields.text("description"));
            if (problems.isEmpty()) {
                return content;
            }
        } catch (InvalidSkill invalid) {
            // A field with the wrong type was already reported; its rule check adds nothing.
            invalid.problems().stream()
                    .map(problem -> new FieldProblem(prefix + problem.field(), problem.message()))
                    .filter(problem -> problems.stream().noneMatch(known -> known.field().equals(problem.field())))
                    .forEach(problems::add);
        }
        throw new InvalidSkill(problems);
    }

    static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
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
