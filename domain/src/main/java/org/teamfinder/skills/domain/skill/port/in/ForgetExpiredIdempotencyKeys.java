package org.teamfinder.skills.domain.skill.port.in;

import java.util.concurrent.CompletionStage;

/** Maintenance: forgets idempotency keys older than their retention time, so their store stays small. */
public interface ForgetExpiredIdempotencyKeys {

    /** Returns how many keys were forgotten. */
    CompletionStage<Long> forgetExpired();
}
