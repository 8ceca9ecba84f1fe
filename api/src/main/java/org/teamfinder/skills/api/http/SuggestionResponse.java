package org.teamfinder.skills.api.http;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.teamfinder.skills.domain.skill.Suggestion;

/**
 * One typeahead hit: the skill (id, canonical name, category, popularity), the name or alias the text
 * matched ({@code matched}, {@code alias} true when it is an alias), and how: {@code exact}, {@code prefix},
 * {@code word} (a later word starts with the text) or {@code typo} (a near miss).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SuggestionResponse(long id, String name, @Nullable String category, long popularity, String matched, boolean alias,
                                 @Schema(allowableValues = {"exact", "prefix", "word", "typo"}) String match) {

    static SuggestionResponse of(Suggestion suggestion) {
        return new SuggestionResponse(suggestion.id(), suggestion.name(), suggestion.category().orElse(null), suggestion.popularity(),
                suggestion.matched(), suggestion.alias(), suggestion.match().name().toLowerCase(Locale.ROOT));
    }
}
