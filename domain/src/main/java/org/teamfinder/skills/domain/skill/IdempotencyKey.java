package org.teamfinder.skills.domain.skill;

import java.util.List;
import java.util.Objects;

import org.teamfinder.skills.domain.shared.FieldProblem;

/**
 * A caller's name for one creation request: sending the same request again with the same key gets the
 * first answer again instead of a second skill. The key is the caller's own: the same text sent by two
 * callers names two requests, so no caller can ever be answered with another's creation. The value is 1
 * to 255 visible ASCII characters; {@link #ANONYMOUS} is the one caller of a service without sign-in.
 */
public record IdempotencyKey(String caller, String value) {

    public static final int MAX_LENGTH = 255;
    /** The caller of every request that carries no identity (a service with authentication off). */
    public static final String ANONYMOUS = "";

    public IdempotencyKey {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidIdempotencyKey(List.of(new FieldProblem("Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters, such as a UUID")));
        }
    }
}
