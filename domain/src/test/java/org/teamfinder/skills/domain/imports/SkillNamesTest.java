package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.skill.Skill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillNamesTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            '  Java  '                 | Java
            'Data\u00a0\u00a0Modeling' | Data Modeling
            '• SQLite.'                | SQLite
            '- Docker'                 | Docker
            'WebAssembly (for the map)'| WebAssembly
            'Node.js'                  | Node.js
            'C++'                      | C++
            'C#'                       | C#
            'Машинное обучение'        | Машинное обучение
            'Python 3'                 | Python
            'Java 17+'                 | Java
            'Kotlin — 3 years'         | Kotlin
            """)
    void namesAreTidied(String candidate, String name) {
        assertThat(SkillNames.from(List.of(candidate))).containsExactly(name);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            ''
            '   '
            '2021'
            '---'
            '3+ years of experience with Kafka'
            'Опыт работы от 2 лет'
            'Knowledge of SQL'
            'Five words are too many'
            'An extraordinarily long name of a technology nobody has'
            'bell\u0007inside'
            'Advanced'
            'tutorial'
            'How to'
            'Sign in'
            'Удалённая работа'
            """)
    void junkIsDropped(String candidate) {
        assertThat(SkillNames.from(List.of(candidate))).isEmpty();
    }

    @Test
    void listsSplitAtCommasAndSemicolonsAndRepeatsIgnoringCaseCountOnce() {
        assertThat(SkillNames.from(List.of("Kubernetes, Terraform; Prometheus", "kubernetes", "JAVA", "Java")))
                .containsExactly("Kubernetes", "Terraform", "Prometheus", "JAVA");
    }

    @Test
    void bulletsPipesAndLineBreaksSeparateNamesAsCommasDo() {
        assertThat(SkillNames.from(List.of("Docker • Kubernetes | Helm\nArgo CD · CI/CD"))).containsExactly("Docker", "Kubernetes", "Helm", "Argo CD", "CI/CD");
    }

    @Test
    void aPageGivesAtMostTwoHundredNames() {
        List<String> many = IntStream.range(0, 500).mapToObj(i -> "Tool" + i).toList();

        assertThat(SkillNames.from(many)).hasSize(SkillNames.MAX_PER_PAGE).startsWith("Tool0", "Tool1");
    }

    @Test
    void nullsAreIgnored() {
        assertThat(SkillNames.from(Arrays.asList(null, "Go"))).containsExactly("Go");
        assertThat(SkillNames.from(Collections.emptyList())).isEmpty();
    }
}
