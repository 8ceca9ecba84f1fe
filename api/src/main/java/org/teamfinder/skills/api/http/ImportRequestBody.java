package org.teamfinder.skills.api.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.imports.InvalidImportRequest;

/**
 * Reads an import request, {@code {"urls": ["https://...", ...], "category": "optional"}}, as strictly as
 * {@link SkillRequest} reads skills: unknown fields, wrong types and more than
 * {@value ImportRequest#MAX_PAGES} URLs are reported, each bad URL with its index.
 */
final class ImportRequestBody {

    private static final String EXAMPLE = "{\"urls\": [\"https://example.org/jobs/42\"], \"category\": \"Backend\"}";

    private ImportRequestBody() {
    }

    static ImportRequest read(byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String[] category = {null};
        boolean[] sawUrls = {false};
        SkillRequest.readWhole(body, "a JSON object such as " + EXAMPLE, parser -> {
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "urls" -> {
                        sawUrls[0] = true;
                        readUrls(parser, value, urls, problems);
                    }
                    case "category" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            category[0] = parser.getText();
                        } else if (value != JsonToken.VALUE_NULL) {
                            problems.add(new FieldProblem("category", "must be a string, not " + SkillRequest.kind(value)));
                        }
                    }
                    default -> problems.add(new FieldProblem(field, "is not a field of an import request (expected urls, category)"));
                }
                parser.skipChildren();
            }
            return null;
        });
        if (!sawUrls[0]) {
            problems.add(new FieldProblem("urls", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportRequest(problems);
        }
        return ImportRequest.of(urls, category[0]);
    }

    private static void readUrls(JsonParser parser, JsonToken value, List<String> urls, List<FieldProblem> problems) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            problems.add(new FieldProblem("urls", "must be a list of URLs, not " + SkillRequest.kind(value)));
            return;
        }
        int index = 0;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken(), index++) {
            if (index >= ImportRequest.MAX_PAGES) {
                problems.add(new FieldProblem("urls", "must hold at most " + ImportRequest.MAX_PAGES + " URLs"));
                parser.skipChildren();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                }
                return;
            }
            if (item == JsonToken.VALUE_STRING) {
                urls.add(parser.getText());
            } else {
                problems.add(new FieldProblem("urls[" + index + "]", "must be a URL string, not " + SkillRequest.kind(item)));
                parser.skipChildren();
            }
        }
    }
}
