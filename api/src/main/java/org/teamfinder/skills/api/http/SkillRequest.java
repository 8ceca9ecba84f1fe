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
import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.VersionCheck;
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

    private static final Set<String> WRITABLE = Set.of("name", "aliases", "category", "description");
    private static final Set<String> READ_ONLY = Set.of("id", "popularity", "mergedFrom", "createdAt", "updatedAt", "version");
    /** Read at most this many aliases of one skill; more are refused anyway, and a huge list costs nothing to skip. */
    private static final int ALIASES_READ = SkillContent.MAX_ALIASES + 1;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String EXAMPLE = "{\"name\": \"Java\"}";

    /**
     * The writable fields one JSON object carried (absent, null as an empty Optional, or a string), and
     * what was wrong with its fields' types or names.
     */
    private record Fields(Map<String, Optional<String>> values, Optional<List<String>> aliases, List<FieldProblem> problems) {

        Fields(Map<String, Optional<String>> values, List<FieldProblem> problems) {
            this(values, Optional.empty(), problems);
        }

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
        return new SkillPatch(fields.change("name"), fields.change("category"), fields.change("description"), fields.aliases());
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

    /** What a merge request names: the skill to merge into the one in the path, and optionally the version it must have. */
    record Merge(long source, VersionCheck sourceCheck) {
    }

    /** A merge: {@code {"source": 17, "sourceVersion": 3}}; without sourceVersion the source is merged as it is. */
    static Merge merge(byte[] body) {
        Map<String, Long> numbers = readNumbers(body, "a JSON object naming the skill to merge, such as {\"source\": 17}",
                Set.of("source", "sourceVersion"), "");
        if (!numbers.containsKey("source")) {
            throw new InvalidRequest("The merge names no skill to merge.", List.of(new FieldProblem("source",
                    "is required: the id of the skill to merge into this one")));
        }
        long source = numbers.get("source");
        if (source < 1) {
            throw new InvalidRequest("The merge names no skill to merge.", List.of(new FieldProblem("source", "must be a skill id, 1 or more")));
        }
        return new Merge(source, numbers.containsKey("sourceVersion") ? VersionCheck.exactly(numbers.get("sourceVersion")) : VersionCheck.none());
    }

    /** Reported uses: {@code {"uses": [{"skill": 12, "count": 2}, {"name": "JS"}]}}, a count of 1 when left out. */
    static List<SkillUse> uses(byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<SkillUse> uses = readWhole(body, "a JSON object with a list of uses, such as {\"uses\": [{\"skill\": 12, \"count\": 1}]}",
                parser -> {
                    List<SkillUse> read = new ArrayList<>();
                    boolean sawUses = false;
                    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                        String field = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (!field.equals("uses")) {
                            problems.add(new FieldProblem(field, "is not a field of a report of uses (expected uses)"));
                            parser.skipChildren();
                        } else if (value != JsonToken.START_ARRAY) {
                            sawUses = true;
                            problems.add(new FieldProblem("uses", "must be a list of uses, not " + kind(value)));
                            parser.skipChildren();
                        } else {
                            sawUses = true;
                            int index = 0;
                            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken(), index++) {
                                String prefix = "uses[" + index + "].";
                                if (item != JsonToken.START_OBJECT) {
                                    problems.add(new FieldProblem("uses[" + index + "]", "must be a use object, not " + kind(item)));
                                    parser.skipChildren();
                                    continue;
                                }
                                use(parser, prefix, problems).ifPresent(read::add);
                            }
                        }
                    }
                    if (!sawUses) {
                        problems.add(new FieldProblem("uses", "is required"));
                    }
                    return read;
                });
        if (!problems.isEmpty()) {
            throw new InvalidRequest("The report of uses cannot be used: " + describe(problems), problems);
        }
        return uses;
    }

    /** One use: {@code skill} (an id) or {@code name}, and {@code count}. */
    private static Optional<SkillUse> use(JsonParser parser, String prefix, List<FieldProblem> problems) throws IOException {
        Optional<Long> id = Optional.empty();
        Optional<String> name = Optional.empty();
        long count = 1;
        int before = problems.size();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "skill", "count" -> {
                    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        if (field.equals("skill")) {
                            id = Optional.of(parser.getLongValue());
                        } else {
                            count = parser.getLongValue();
                        }
                    } else {
                        problems.add(new FieldProblem(prefix + field, "must be a whole number, not " + kind(value)));
                    }
                }
                case "name" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        name = Optional.of(parser.getText());
                    } else {
                        problems.add(new FieldProblem(prefix + field, "must be a string, not " + kind(value)));
                    }
                }
                default -> problems.add(new FieldProblem(prefix + field, "is not a field of a use (expected skill or name, and count)"));
            }
            parser.skipChildren();
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SkillUse(id, name, count));
        } catch (InvalidSkill invalid) {
            invalid.problems().forEach(problem -> problems.add(new FieldProblem(prefix + problem.field(), problem.message())));
            return Optional.empty();
        }
    }

    private static String describe(List<FieldProblem> problems) {
        return String.join("; ", problems.stream().map(problem -> problem.field() + " " + problem.message()).toList()) + ".";
    }

    /** A JSON object of whole numbers only, with these fields at most. */
    private static Map<String, Long> readNumbers(byte[] body, String expected, Set<String> fields, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Long> numbers = readWhole(body, expected, parser -> {
            Map<String, Long> read = new HashMap<>();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!fields.contains(field)) {
                    problems.add(new FieldProblem(prefix + field, "is not a field here (expected " + String.join(", ", fields.stream().sorted().toList())
                            + ")"));
                } else if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    read.put(field, parser.getLongValue());
                } else {
                    problems.add(new FieldProblem(prefix + field, "must be a whole number, not " + kind(value)));
                }
                parser.skipChildren();
            }
            return read;
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequest("The request body cannot be used: " + describe(problems), problems);
        }
        return numbers;
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
        Optional<List<String>> aliases = Optional.empty();
        List<FieldProblem> problems = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!WRITABLE.contains(field)) {
                if (!READ_ONLY.contains(field)) {
                    problems.add(new FieldProblem(prefix + field, "is not a field of a skill (expected name, aliases, category, description)"));
                }
            } else if (field.equals("aliases")) {
                if (value == JsonToken.START_ARRAY) {
                    aliases = Optional.of(readAliases(parser, prefix, problems));
                    continue;
                } else if (value == JsonToken.VALUE_NULL) {
                    aliases = Optional.of(List.of());
                } else {
                    problems.add(new FieldProblem(prefix + field, "must be a list of names, not " + kind(value)));
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
        return new Fields(values, aliases, problems);
    }

    /** Reads the array whose START_ARRAY the parser is on, up to and including its END_ARRAY: strings only. */
    private static List<String> readAliases(JsonParser parser, String prefix, List<FieldProblem> problems) throws IOException {
        List<String> aliases = new ArrayList<>();
        int index = 0;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken(), index++) {
            if (item == JsonToken.VALUE_STRING) {
                if (aliases.size() < ALIASES_READ) {
                    aliases.add(parser.getText());
                }
            } else {
                problems.add(new FieldProblem(prefix + "aliases[" + index + "]", "must be a string, not " + kind(item)));
                parser.skipChildren();
                if (aliases.size() < ALIASES_READ) {
                    aliases.add(null); // keeps the later aliases at their own index in the problems reported
                }
            }
        }
        return aliases;
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
            SkillContent content = new SkillContent(fields.text("name").orElse(null), fields.text("category"), fields.text("description"),
                    fields.aliases().orElse(List.of()));
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
