package org.teamfinder.skills.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.r2dbc.spi.Statement;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.port.out.SkillRepository;
import reactor.core.publisher.Mono;

/**
 * The domain's {@link SkillRepository} on PostgreSQL through Micronaut Data R2DBC. Every call is one SQL
 * statement, so none needs a transaction; the unique index on the lower-cased name settles races for a
 * name. Driver errors become domain failures in {@link StoreFailures}.
 */
@Singleton
public class R2dbcSkillRepository implements SkillRepository {

    // Micronaut Data 4.10 runs a raw UPDATE ... RETURNING as a row count, so this one statement is issued
    // directly. One statement keeps the version increment atomic when writers race.
    private static final String REPLACE = """
            UPDATE skill
               SET name = $1, category = $2, description = $3, updated_at = $4, version = version + 1
             WHERE id = $5
            RETURNING id, name, category, description, created_at, updated_at, version""";

    private final SkillRowRepository rows;
    private final R2dbcOperations operations;

    R2dbcSkillRepository(SkillRowRepository rows, R2dbcOperations operations) {
        this.rows = rows;
        this.operations = operations;
    }

    @Override
    public CompletionStage<Skill> insert(SkillContent content, Instant now) {
        return rows.save(SkillRowMapper.newRow(content, now))
                .map(SkillRowMapper::toSkill)
                .onErrorMap(error -> StoreFailures.translate(error, content.name()))
                .toFuture();
    }

    @Override
    public CompletionStage<Optional<Skill>> findById(long id) {
        return optional(rows.findById(id).map(SkillRowMapper::toSkill), null);
    }

    @Override
    public CompletionStage<List<Skill>> list(PageRequest page) {
        return rows.findPage(page.limit(), page.offset())
                .map(SkillRowMapper::toSkill)
                .collectList()
                .onErrorMap(error -> StoreFailures.translate(error, null))
                .toFuture();
    }

    @Override
    public CompletionStage<Optional<Skill>> replace(long id, SkillContent content, Instant now) {
        Mono<Skill> replaced = Mono.from(operations.withConnection(connection -> {
                    Statement statement = connection.createStatement(REPLACE)
                            .bind("$1", content.name())
                            .bind("$4", now)
                            .bind("$5", id);
                    bindNullable(statement, "$2", content.category());
                    bindNullable(statement, "$3", content.description());
                    return Mono.from(statement.execute()).flatMap(result -> Mono.from(result.map(SkillRowMapper::read)));
                }))
                .map(SkillRowMapper::toSkill);
        return optional(replaced, content.name());
    }

    @Override
    public CompletionStage<Boolean> delete(long id) {
        return rows.deleteById(id)
                .map(deleted -> deleted > 0)
                .onErrorMap(error -> StoreFailures.translate(error, null))
                .toFuture();
    }

    private static CompletionStage<Optional<Skill>> optional(Mono<Skill> skill, String attemptedName) {
        return skill.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error, attemptedName))
                .toFuture();
    }

    private static void bindNullable(Statement statement, String parameter, Optional<String> value) {
        value.ifPresentOrElse(text -> statement.bind(parameter, text), () -> statement.bindNull(parameter, String.class));
    }
}
