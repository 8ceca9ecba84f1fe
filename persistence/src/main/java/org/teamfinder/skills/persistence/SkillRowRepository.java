package org.teamfinder.skills.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.r2dbc.annotation.R2dbcRepository;
import io.micronaut.data.repository.reactive.ReactorCrudRepository;
import reactor.core.publisher.Flux;

/** The fixed SQL behind {@link R2dbcSkillRepository}; Micronaut Data generates its implementation at compile time. */
@R2dbcRepository(dialect = Dialect.POSTGRES)
interface SkillRowRepository extends ReactorCrudRepository<SkillRow, Long> {

    // Code-point order (COLLATE "C") is the same on every database, whatever its locale.
    @Query("""
            SELECT category, count(*) AS skills FROM skill
             WHERE category IS NOT NULL
             GROUP BY category
             ORDER BY category COLLATE "C\"""")
    Flux<CategoryRow> countByCategory();
}
