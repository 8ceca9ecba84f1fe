package org.teamfinder.skills.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A client's name for one creation request: sending the same request again with the same key gets the
 * first answer again instead of a second skill. 1 to 255 visible ASCII characters.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidIdempotencyKey(List.of(new FieldProblem("Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters, such as a UUID")));
        }
    }
}
