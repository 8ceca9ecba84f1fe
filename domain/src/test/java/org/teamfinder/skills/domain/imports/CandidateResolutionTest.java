package org.teamfinder.skills.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandidateResolutionTest {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("python", "Python"), Map.entry("питон", "Python"), Map.entry("go", "Go"), Map.entry("golang", "Go"),
            Map.entry("r", "R"), Map.entry("c", "C"), Map.entry("c++", "C++"), Map.entry("c#", "C#"),
            Map.entry("rust", "Rust"), Map.entry("spark", "Spark"), Map.entry("swift", "Swift"),
            Map.entry("spring", "Spring"), Map.entry("spring boot", "Spring Boot"), Map.entry("sql", "SQL"),
            Map.entry("fastapi", "FastAPI"), Map.entry("aiohttp", "aiohttp"), Map.entry("node.js", "Node.js"),
            Map.entry(".net", ".NET"), Map.entry("asp.net core", "ASP.NET Core"), Map.entry("kafka", "Kafka"));

    @ParameterizedTest(name = "''{0}'' mentions [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            '4+ years of experience with Python or Go'          | Python,Go
            'Опыт работы с FastAPI или aiohttp'                 | FastAPI,aiohttp
            'Знание Питон и SQL'                                | Python,SQL
            'Node.js, .NET and ASP.NET Core services'           | Node.js,.NET,ASP.NET Core
            'C/C++ for firmware, some C# tooling'               | C,C++,C#
            'Python, R и SQL для аналитики'                     | Python,R,SQL
            'Spring Boot and Kafka in production'               | Spring Boot,Kafka
            'Golang microservices'                              | Go
            'Go to the settings page to start'                  | ''
            'We go fast, and write Python'                      | Python
            'Our R&D team writes Python'                        | Python
            'Spark joy at work'                                 | ''
            'Rust on the old bridge'                            | ''
            'Swift delivery of Python services'                 | Python
            'A C grade with Python'                             | Python
            'Rust or Go for the agent, Kafka for events'        | Rust,Go,Kafka
            'We ran Kafka. Swift delivery was the motto'        | Kafka
            """)
    void proseMentionsTheKnownNamesInsideIt(String prose, String names) {
        List<String> expected = names.isEmpty() ? List.of() : List.of(names.split(","));

        assertThat(CandidateResolution.mentions(prose, KNOWN)).containsExactlyElementsOf(expected);
    }

    @Test
    void anEverydayWordInAListOfSkillsIsAName() {
        List<SkillCandidate> candidates = List.of(new SkillCandidate("Go", CandidateSource.SKILLS_LIST),
                new SkillCandidate("go", CandidateSource.TAG), new SkillCandidate("Rust", CandidateSource.PROSE));

        PageReading reading = CandidateResolution.read(candidates, KNOWN);

        assertThat(reading.named()).containsExactly("Go");
        assertThat(reading.mentioned()).isEmpty();
    }

    @Test
    void namedSkillsAreNotAlsoMentionedAndUnknownTagsAreSuggested() {
        List<SkillCandidate> candidates = List.of(new SkillCandidate("Kafka", CandidateSource.SKILLS_LIST),
                new SkillCandidate("We run Kafka and Python", CandidateSource.PROSE),
                new SkillCandidate("Temporal", CandidateSource.TAG), new SkillCandidate("Temporal workflows", CandidateSource.PROSE));

        PageReading reading = CandidateResolution.read(candidates, KNOWN);

        assertThat(reading.named()).containsExactly("Kafka");
        assertThat(reading.mentioned()).containsExactly("Python");
        assertThat(reading.suggested()).containsExactly("Temporal");
    }
}
