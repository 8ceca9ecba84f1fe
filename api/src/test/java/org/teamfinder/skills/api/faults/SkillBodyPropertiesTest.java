package org.teamfinder.skills.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillContent;

/**
 * Properties of creating skills from arbitrary JSON objects (any fields, any value types, any strings,
 * control characters and unpaired surrogates included) and from arbitrary bytes: the answer is never a
 * 5xx; it is 201 exactly when the body is a valid skill whose name is free, and then every string comes
 * back exactly as stored; nothing else is ever stored.
 */
class SkillBodyPropertiesTest {

    private static final RunningService service = new RunningService();
    private static final Set<String> takenNames = new HashSet<>();

    @BeforeContainer
    static void start() {
        service.beforeAll(null);
    }

    @AfterContainer
    static void nothingButTheValidWasStored() {
        try {
            int stored = 0;
            String next = "/skills?limit=100";
            while (next != null) {
                RunningService.Response page = service.get(next);
                stored += page.jsonList().size();
                String link = page.header("Link");
                next = link == null ? null : link.substring(1, link.indexOf('>'));
            }
            assertThat(stored).isEqualTo(takenNames.size());
            assertThat(stored).as("valid skills among the generated bodies").isGreaterThan(50);
        } finally {
            service.afterAll(null);
        }
    }

    /** A JSON value as text, and the Java value it stands for when it is a string (else the kind it is). */
    record Value(String json, Optional<String> text, boolean isNull) {
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void aBodyIsStoredExactlyWhenItIsAValidSkill(@ForAll("skillObjects") Map<String, Value> fields) {
        RunningService.Response response = service.post("/skills", json(fields));

        Optional<SkillContent> valid = expected(fields);
        Statistics.collect(valid.isPresent() ? "valid" : "invalid");
        if (valid.isEmpty()) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            return;
        }
        SkillContent content = valid.get();
        if (!takenNames.add(content.nameKey())) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            return;
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> read = service.get(response.header("Location")).json();
        assertThat(read.get("name")).isEqualTo(content.name());
        assertThat(read.get("category")).isEqualTo(content.category().orElse(null));
        assertThat(read.get("description")).isEqualTo(content.description().orElse(null));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void arbitraryBytesNeverGetAServerError(@ForAll byte[] body) {
        RunningService.Response response = service.send(HttpRequest.newBuilder(service.uri("/skills"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    }

    @Provide
    Arbitrary<Map<String, Value>> skillObjects() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("name", "category", "description", "id", "version", "createdAt"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
        Arbitrary<Map<String, Value>> random = Arbitraries.maps(keys, values()).ofMaxSize(5);
        // Most objects have a string name, so that valid skills are common too.
        Arbitrary<Map<String, Value>> named = Combinators.combine(texts(), random).as((name, rest) -> {
            Map<String, Value> object = new LinkedHashMap<>(rest);
            object.put("name", new Value(quoted(name), Optional.of(name), false));
            object.keySet().removeIf(key -> !List.of("name", "category", "description", "id").contains(key) && rest.size() > 2);
            return object;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, named), net.jqwik.api.Tuple.of(1, random));
    }

    private static Arbitrary<Value> values() {
        return Arbitraries.oneOf(
                texts().map(text -> new Value(quoted(text), Optional.of(text), false)),
                Arbitraries.just(new Value("null", Optional.empty(), true)),
                Arbitraries.integers().map(number -> new Value(number.toString(), Optional.empty(), false)),
                Arbitraries.of("true", "false", "1e308", "-0.5", "[]", "[\"a\"]", "{}", "{\"x\": [1, {\"y\": null}]}")
                        .map(json -> new Value(json, Optional.empty(), false)));
    }

    /** Any text: letters of every script, white space, control characters, unpaired surrogates, and long ones. */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(120),
                Arbitraries.strings().withChars(" \t\n\u00a0\u2028\u200bJava").ofMaxLength(10),
                Arbitraries.strings().withCharRange('\u0400', '\u04ff').ofMinLength(1).ofMaxLength(60),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(95).ofMaxLength(2100));
    }

    /** What the service must store for these fields, or empty when it must refuse them. */
    private static Optional<SkillContent> expected(Map<String, Value> fields) {
        for (Map.Entry<String, Value> field : fields.entrySet()) {
            boolean writable = List.of("name", "category", "description").contains(field.getKey());
            boolean readOnly = List.of("id", "version", "createdAt", "updatedAt").contains(field.getKey());
            if (!writable && !readOnly) {
                return Optional.empty();
            }
            if (writable && field.getValue().text().isEmpty() && !field.getValue().isNull()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new SkillContent(text(fields, "name"), Optional.ofNullable(text(fields, "category")),
                    Optional.ofNullable(text(fields, "description"))));
        } catch (InvalidSkill invalid) {
            return Optional.empty();
        }
    }

    private static String text(Map<String, Value> fields, String name) {
        Value value = fields.get(name);
        return value == null ? null : value.text().orElse(null);
    }

    private static String json(Map<String, Value> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "").append(quoted(key)).append(": ").append(value.json()));
        return json.append('}').toString();
    }

    /** A JSON string literal; control characters and every surrogate are written as \\u escapes, the rest as is. */
    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
