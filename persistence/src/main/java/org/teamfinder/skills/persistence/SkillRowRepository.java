package org.teamfinder.skills.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.r2dbc.annotation.R2dbcRepository;
import io.micronaut.data.repository.reactive.ReactorCrudRepository;
import reactor.core.publisher.Flux;

/** The SQL behind {@link R2dbcSkillRepository}; Micronaut Data generates its implementation at compile time. */
@R2dbcRepository(dialect = Dialect.POSTGRES)
interface SkillRowRepository extends ReactorCrudRepository<SkillRow, Long> {

    @Query("SELECT * FROM skill ORDER BY id LIMIT :limit OFFSET :offset")
    Flux<SkillRow> findPage(int limit, long offset);
}
