package org.teamfinder.skills.persistence;

import org.teamfinder.skills.domain.testing.SkillQueries;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Collectors;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teamfinder.skills.domain.skill.SkillPosition;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SkillSort;
import org.teamfinder.skills.domain.skill.SortDirection;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/**
 * The plans PostgreSQL picks for the listing's SQL, on a table big enough (60,000 skills) that reading
 * it all costs more than asking an index.
 */
class ListingPlanTest {

    private static TestDatabase database;

    @BeforeAll
    static void seed() {
        database = TestDatabase.create();
        ApplicationContext.run(database.micronautProperties()).close();
        database.execute("""
                INSERT INTO skill (name, category, created_at, updated_at)
                SELECT 'skill ' || md5(i::text), 'category ' || (i % 200), now() - i * interval '1 second', now()
                  FROM generate_series(1, 60000) AS i""");
        database.execute("ANALYZE skill");
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    /**
     * The listing's own SQL, prepared as the driver prepares it and run often enough for PostgreSQL to
     * settle on a generic plan, still finds names by the trigram index and pages by the B-tree indexes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "q                   | skill_name_trgm",
            "q, sort=name        | skill_name_trgm",
            "cursor by name      | skill_name_key",
            "cursor by createdAt | skill_created_at_id",
            "category            | skill_category_id",
    })
    void listingQueriesUseTheirIndexes(String what, String index) throws SQLException {
        SkillPosition position = new SkillPosition(15000, "skill 8", Instant.parse("2026-01-01T00:00:00Z"), 0);
        SkillQuery query = switch (what) {
            case "q" -> SkillQueries.firstPage().nameContaining("Ab12C").query();
            case "q, sort=name" -> SkillQueries.firstPage().nameContaining("ab12c").sortedBy(SkillSort.NAME, SortDirection.ASC).query();
            case "cursor by name" -> SkillQueries.firstPage().sortedBy(SkillSort.NAME, SortDirection.DESC).after(position).query();
            case "cursor by createdAt" -> SkillQueries.firstPage().sortedBy(SkillSort.CREATED_AT, SortDirection.ASC).after(position).query();
            default -> SkillQueries.firstPage().inCategory("category 7").query();
        };
        SkillStatements.Select select = SkillStatements.find(query);
        String arguments = select.parameters().stream().map(ListingPlanTest::literal).collect(Collectors.joining(", "));

        String plan = "";
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            if (select.needsCustomPlan()) {
                statement.execute(SkillStatements.PLAN_FOR_ACTUAL_PARAMETERS.replace(" LOCAL", ""));
            }
            statement.execute("PREPARE listing AS " + select.sql());
            for (int i = 0; i < 6; i++) {
                statement.execute("EXECUTE listing(" + arguments + ")");
            }
            try (ResultSet result = statement.executeQuery("EXPLAIN EXECUTE listing(" + arguments + ")")) {
                while (result.next()) {
                    plan += result.getString(1) + "\n";
                }
            }
        }
        assertThat(plan).contains(index).doesNotContain("Seq Scan");
    }

    private static String literal(Object value) {
        return value instanceof String || value instanceof Instant
                ? "'" + value.toString().replace("'", "''") + "'"
                : value.toString();
    }
}
