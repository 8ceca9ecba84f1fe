package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.shared.ValidationFailure;

import java.util.List;

/** An idempotency key that is empty, too long, or not plain visible ASCII. */
public final class InvalidIdempotencyKey extends ValidationFailure {

    public InvalidIdempotencyKey(List<FieldProblem> problems) {
        super("The idempotency key is not valid", problems);
    }
}
