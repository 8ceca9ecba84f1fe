package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;

/** GET /skills: cursor and offset paging with Link headers, filters, orders, and GET /skills/categories. */
class SkillListingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @RegisterExtension
    static final RunningService service = new RunningService();

    @BeforeEach
    void emptyCatalogue() {
        service.database().truncate();
    }

    @Test
    void followingNextLinksVisitsEverySkillOnceAndTheLastPageHasNoLink() {
        List<Object> created = createNumbered(23).stream().map(skill -> skill.get("id")).toList();

        List<Object> visited = new ArrayList<>();
        String path = "/skills?limit=5";
        int pages = 0;
        while (path != null) {
            Response page = service.get(path);
            assertThat(page.status()).isEqualTo(200);
            page.jsonList().forEach(skill -> visited.add(skill.get("id")));
            path = next(page);
            pages++;
        }

        assertThat(visited).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void cursorPagingStaysStableWhileSkillsAreAddedAtTheFront() {
        for (String name : List.of("m1", "m2", "m3", "m4")) {
            create(name, null);
        }
        Response first = service.get("/skills?limit=2&sort=name");
        create("a-new-first", null);
        create("b-new-second", null);

        Response second = service.get(next(first));

        assertThat(first.jsonList()).extracting(skill -> skill.get("name")).containsExactly("m1", "m2");
        assertThat(second.jsonList()).extracting(skill -> skill.get("name")).containsExactly("m3", "m4");
        assertThat(next(second)).isNull();
    }

    @Test
    void offsetPagingStillWorksAndLinksToTheNextOffset() {
        createNumbered(7);

        Response page = service.get("/skills?limit=3&offset=3");

        assertThat(page.jsonList()).extracting(skill -> skill.get("name")).containsExactly("skill 04", "skill 05", "skill 06");
        assertThat(next(page)).isEqualTo("/skills?limit=3&offset=6&sort=id&order=asc");
        assertThat(service.get(next(page)).jsonList()).extracting(skill -> skill.get("name")).containsExactly("skill 07");
        assertThat(next(service.get(next(page)))).isNull();
    }

    @Test
    void categoryAndQueryFilterAndTheLinkKeepsThem() {
        create("Java", "Back end");
        create("JavaScript", "Front end");
        create("Kotlin", "Back end");
        create("GraalJS (JavaScript)", "Back end");
        create("Jakarta EE", "Back end");

        Response page = service.get("/skills?limit=1&category=" + encode("Back end") + "&q=JAVA");

        assertThat(page.jsonList()).extracting(skill -> skill.get("name")).containsExactly("Java");
        assertThat(next(page)).contains("category=Back+end", "q=JAVA");
        assertThat(service.get(next(page)).jsonList()).extracting(skill -> skill.get("name")).containsExactly("GraalJS (JavaScript)");
        assertThat(next(service.get(next(page)))).isNull();
    }

    @Test
    void querySearchesForTheTextLiterallyWithoutWildcards() {
        create("100% Kotlin", null);
        create("1000 Kotlin", null);
        create("snake_case", null);
        create("snakeXcase", null);

        assertThat(service.get("/skills?q=" + encode("100%")).jsonList()).extracting(skill -> skill.get("name")).containsExactly("100% Kotlin");
        assertThat(service.get("/skills?q=e_c").jsonList()).extracting(skill -> skill.get("name")).containsExactly("snake_case");
    }

    @Test
    void queryIgnoresCaseBeyondAscii() {
        create("Ärger-Management", null);
        create("ΣΟΦΙΑ", null);

        assertThat(service.get("/skills?q=" + encode("äRGER")).jsonList()).hasSize(1);
        assertThat(service.get("/skills?q=" + encode("σοφ")).jsonList()).hasSize(1);
    }

    @ParameterizedTest(name = "sort={0}&order={1}")
    @CsvSource({
            "name, asc, 'alpha,Bravo,charlie'",
            "name, desc, 'charlie,Bravo,alpha'",
            "createdAt, asc, 'charlie,alpha,Bravo'",
            "createdAt, desc, 'Bravo,alpha,charlie'",
            "id, desc, 'Bravo,alpha,charlie'",
    })
    void sortsByNameCreationTimeOrIdEitherWay(String sort, String order, String expected) {
        create("charlie", null);
        create("alpha", null);
        create("Bravo", null);

        Response page = service.get("/skills?sort=" + sort + "&order=" + order + "&limit=2");
        List<Object> names = new ArrayList<>(page.jsonList().stream().map(skill -> skill.get("name")).toList());
        service.get(next(page)).jsonList().forEach(skill -> names.add(skill.get("name")));

        assertThat(names).containsExactly((Object[]) expected.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cursor with offset          | &offset=2                  | offset",
            "cursor with another sort    | &sort=name                 | after",
            "cursor with another order   | &order=desc                | after",
            "cursor with another filter  | &q=skill                   | after",
    })
    void cursorCombinedWithOtherParametersIs400(String what, String change, String field) {
        createNumbered(4);
        String cursorLink = next(service.get("/skills?limit=2"));
        String cursor = cursorLink.replaceAll(".*after=([^&]+).*", "$1");

        Response response = service.get("/skills?limit=2&after=" + cursor + change);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.json().get("errors").toString()).contains("field=" + field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "garbage cursor        | after=not-a-cursor!   | after",
            "truncated cursor      | after=AQEA            | after",
            "unknown sort          | sort=fame             | sort",
            "unknown order         | order=sideways        | order",
            "misspelt parameter    | categroy=Backend      | categroy",
            "parameter twice       | q=a&q=b               | q",
            "blank query           | q=%20%20              | q",
            "overlong query        | q=" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | q",
            "control in category   | category=a%00b        | category",
    })
    void invalidListingParametersAre400ProblemJson(String what, String query, String field) {
        Response response = service.get("/skills?" + query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.json().get("errors").toString()).contains("field=" + field);
    }

    @Test
    void categoriesAreListedWithTheirCounts() {
        create("Java", "Backend");
        create("Go", "Backend");
        create("CSS", "Frontend");
        create("Patience", null);

        Response categories = service.get("/skills/categories");

        assertThat(categories.status()).isEqualTo(200);
        assertThat(categories.jsonList()).containsExactly(
                Map.of("category", "Backend", "skills", 2),
                Map.of("category", "Frontend", "skills", 1));
    }

    @Test
    void noCategoriesIsAnEmptyList() {
        assertThat(service.get("/skills/categories").jsonList()).isEmpty();
    }

    private static List<Map<String, Object>> createNumbered(int count) {
        List<Map<String, Object>> created = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            created.add(create(String.format("skill %02d", i), null));
        }
        return created;
    }

    private static Map<String, Object> create(String name, String category) {
        String body = category == null ? "{\"name\": \"" + name + "\"}" : "{\"name\": \"" + name + "\", \"category\": \"" + category + "\"}";
        Response created = service.post("/skills", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        return matcher.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
