package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/** An idempotency key came back with a different request than the one it was first used for. */
public final class IdempotencyKeyReused extends SkillCatalogException {

    public IdempotencyKeyReused(IdempotencyKey key) {
        super("The Idempotency-Key '" + key.value() + "' was already used for a different skill; "
                + "use a new key for a new request.");
    }
}
