package org.teamfinder.skills.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.imports.port.out.KnownSkillNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The domain's {@link KnownSkillNames}: one look-up in the namespace of names and aliases per page. */
@Singleton
public class R2dbcKnownSkillNames implements KnownSkillNames {

    static final String KNOWN = """
            SELECT n.name_key, s.name FROM skill_name n JOIN skill s ON s.id = n.skill_id
             WHERE n.name_key = ANY($1::text[])""";

    private final R2dbcOperations operations;

    public R2dbcKnownSkillNames(R2dbcOperations operations) {
        this.operations = operations;
    }

    @Override
    public CompletionStage<Map<String, String>> known(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.<String, String>of()).as(CallerWork::future);
        }
        return CallerWork.onConnection(operations, connection -> Flux.from(connection.createStatement(KNOWN)
                        .bind("$1", keys.toArray(String[]::new)).execute())
                        .concatMap(result -> result.map((Row row, RowMetadata metadata) ->
                                Map.entry(row.get("name_key", String.class), row.get("name", String.class)))))
                .collect(HashMap<String, String>::new, (found, entry) -> found.put(entry.getKey(), entry.getValue()))
                .<Map<String, String>>map(found -> found)
                .as(CallerWork::future);
    }
}
