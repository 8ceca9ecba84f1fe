package org.teamfinder.skills.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonToken;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.shared.FieldProblem;

/**
 * A curator's decision on a job's suggestion, {@code {"name": "Svelte", "state": "accepted"}} (or
 * {@code "dismissed"}), read as strictly as {@link SkillRequest} reads skills.
 */
record SuggestionDecision(String name, ImportSuggestion.State state) {

    private static final String EXAMPLE = "{\"name\": \"Svelte\", \"state\": \"accepted\"}";

    static SuggestionDecision read(byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        String[] read = new String[2];
        SkillRequest.readWhole(body, "a JSON object such as " + EXAMPLE, parser -> {
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                int slot = switch (field) {
                    case "name" -> 0;
                    case "state" -> 1;
                    default -> -1;
                };
                if (slot < 0) {
                    problems.add(new FieldProblem(field, "is not a field of a decision (expected name, state)"));
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_STRING) {
                    problems.add(new FieldProblem(field, "must be a string"));
                    parser.skipChildren();
                } else {
                    read[slot] = parser.getText();
                }
            }
            return null;
        });
        if (read[0] == null || read[0].isBlank()) {
            problems.add(new FieldProblem("name", "is required: the suggested name, as the job shows it"));
        }
        ImportSuggestion.State state = null;
        if (read[1] == null) {
            problems.add(new FieldProblem("state", "is required: accepted or dismissed"));
        } else {
            state = switch (read[1].toLowerCase(Locale.ROOT)) {
                case "accepted" -> ImportSuggestion.State.ACCEPTED;
                case "dismissed" -> ImportSuggestion.State.DISMISSED;
                default -> null;
            };
            if (state == null) {
                problems.add(new FieldProblem("state", "must be accepted or dismissed, not '" + read[1] + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest("The decision cannot be used.", problems);
        }
        return new SuggestionDecision(read[0], state);
    }
}
