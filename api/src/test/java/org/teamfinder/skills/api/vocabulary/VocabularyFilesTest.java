package org.teamfinder.skills.api.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.VocabularyEntry;

class VocabularyFilesTest {

    private static final Set<String> CATEGORIES = Set.of("Programming languages", "Frontend", "Backend", "Mobile", "Databases", "Cloud",
            "DevOps", "Data & ML", "Testing & QA", "Security", "Tools", "Methods", "Design", "Game development", "Embedded & hardware",
            "Soft skills");

    @Test
    void theStarterVocabularyIsOverAThousandSkillsEveryNameAndAliasOnce() throws IOException {
        List<String> skipped = new ArrayList<>();
        List<VocabularyEntry> entries;
        try (Reader reader = resource("/vocabulary/starter-skills.tsv")) {
            entries = VocabularyFiles.starter(reader, skipped::add);
        }

        assertThat(skipped).isEmpty();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.content().category()).hasValueSatisfying(CATEGORIES::contains));
        Set<String> keys = new HashSet<>();
        for (VocabularyEntry entry : entries) {
            assertThat(keys.add(entry.content().nameKey())).as(entry.content().name()).isTrue();
            entry.content().aliases().forEach(alias -> assertThat(keys.add(SkillContent.keyOf(alias))).as(alias).isTrue());
        }
        assertThat(entries.stream().filter(entry -> entry.content().aliases().stream().anyMatch(alias -> alias.matches(".*\\p{IsCyrillic}.*"))))
                .as("skills with the Russian names people use").hasSizeGreaterThan(150);
        assertThat(entries).filteredOn(entry -> entry.content().name().equals("Kubernetes")).singleElement()
                .satisfies(kubernetes -> assertThat(kubernetes.content().aliases()).contains("K8s", "Кубер"));
    }

    @Test
    void escoFilesGiveConceptsWithTheirAlternativeLabelsInTheirLanguage() throws IOException {
        List<String> skipped = new ArrayList<>();
        List<VocabularyEntry> english;
        try (Reader reader = resource("/vocabulary/skills_en.csv")) {
            english = VocabularyFiles.esco(reader, "en", skipped::add);
        }

        assertThat(english).extracting(VocabularyEntry::key).containsExactly("http://data.europa.eu/esco/skill/0001",
                "http://data.europa.eu/esco/skill/0002", "http://data.europa.eu/esco/skill/0003");
        assertThat(english.get(0)).isEqualTo(new VocabularyEntry("esco", "http://data.europa.eu/esco/skill/0001", "en",
                new SkillContent("Python (computer programming)", Optional.of("Knowledge"), Optional.of("The techniques and principles of "
                        + "software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in Python."),
                        List.of("Python", "Python programming"))));
        assertThat(english.get(1).content().category()).contains("Skills and competences");
        assertThat(english.get(2).content().name()).isEqualTo("SQL, the \"structured query language\"");
        assertThat(skipped).singleElement().asString().contains("row 4", "0004", "name must be at most 100 characters");
    }

    private static Reader resource(String name) {
        return new InputStreamReader(VocabularyFilesTest.class.getResourceAsStream(name), StandardCharsets.UTF_8);
    }
}
