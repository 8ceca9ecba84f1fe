package org.teamfinder.skills.api.vocabulary;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.VocabularyEntry;

/**
 * Reads vocabulary files into entries: the starter vocabulary written for this project (TSV: name, category,
 * aliases separated by |, description) and ESCO's published skills files (CSV with conceptUri, skillType,
 * preferredLabel, altLabels one per line, description) in any of ESCO's languages. A row whose name breaks the
 * catalogue's rules is reported to {@code skipped} and left out; an alias that does is dropped; a description
 * longer than a skill's is cut at a sentence end.
 */
public final class VocabularyFiles {

    public static final String STARTER = "starter";
    public static final String ESCO = "esco";

    private VocabularyFiles() {
    }

    /** The starter vocabulary ({@code name, category, aliases, description}, tab-separated, with a header). */
    public static List<VocabularyEntry> starter(Reader tsv, Consumer<String> skipped) throws IOException {
        List<VocabularyEntry> entries = new ArrayList<>();
        CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).build();
        for (CSVRecord row : format.parse(tsv)) {
            List<String> aliases = row.get("aliases").isBlank() ? List.of() : Arrays.asList(row.get("aliases").split("\\|"));
            entry(STARTER, row.get("name"), "en", row.get("name"), blankAsEmpty(row.get("category")), aliases, blankAsEmpty(row.get("description")),
                    skipped, "line " + row.getRecordNumber()).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * One of ESCO's skills files ({@code skills_<language>.csv}): each concept's preferred label is the name, its
     * alternative labels the aliases, its skill type the category.
     */
    public static List<VocabularyEntry> esco(Reader csv, String language, Consumer<String> skipped) throws IOException {
        List<VocabularyEntry> entries = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).build();
        for (CSVRecord row : format.parse(csv)) {
            String uri = row.get("conceptUri");
            List<String> aliases = row.isMapped("altLabels") ? row.get("altLabels").lines().map(String::strip).filter(label -> !label.isEmpty())
                    .toList() : List.of();
            Optional<String> category = row.isMapped("skillType") ? Optional.of(escoCategory(row.get("skillType"))) : Optional.empty();
            Optional<String> description = row.isMapped("description") ? blankAsEmpty(row.get("description")) : Optional.empty();
            entry(ESCO, uri, language.toLowerCase(Locale.ROOT), row.get("preferredLabel"), category, aliases, description, skipped,
                    "row " + row.getRecordNumber() + " (" + uri + ")").ifPresent(entries::add);
        }
        return entries;
    }

    private static String escoCategory(String skillType) {
        return switch (skillType.strip()) {
            case "knowledge" -> "Knowledge";
            case "skill/competence" -> "Skills and competences";
            case "" -> "ESCO";
            default -> skillType.strip().length() > SkillContent.CATEGORY_MAX_LENGTH ? "ESCO" : skillType.strip();
        };
    }

    private static Optional<VocabularyEntry> entry(String source, String key, String language, String name, Optional<String> category,
                                                   List<String> aliases, Optional<String> description, Consumer<String> skipped, String where) {
        SkillContent content;
        try {
            content = new SkillContent(name, category, description.map(VocabularyFiles::fitDescription), List.of());
        } catch (InvalidSkill invalid) {
            skipped.accept(where + ": " + invalid.getMessage());
            return Optional.empty();
        }
        List<String> usable = new ArrayList<>();
        for (String alias : aliases) {
            try {
                SkillContent withIt = content.withAliases(append(usable, alias));
                usable = new ArrayList<>(withIt.aliases());
            } catch (InvalidSkill unusable) {
                // an alias that breaks the rules (too long, a repeat, one too many) is left out; the skill is kept
            }
        }
        return Optional.of(new VocabularyEntry(source, key, language, content.withAliases(usable)));
    }

    private static List<String> append(List<String> aliases, String alias) {
        List<String> more = new ArrayList<>(aliases);
        more.add(alias);
        return more;
    }

    /**
     * A description as a skill may have it: control characters other than tabs and line breaks become spaces,
     * and a text longer than allowed ends at the last sentence that fits.
     */
    private static String fitDescription(String raw) {
        String text = raw.codePoints().map(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (text.codePointCount(0, text.length()) <= SkillContent.DESCRIPTION_MAX_LENGTH) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, SkillContent.DESCRIPTION_MAX_LENGTH));
        int sentence = cut.lastIndexOf(". ");
        return sentence > 0 ? cut.substring(0, sentence + 1) : cut;
    }

    private static Optional<String> blankAsEmpty(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
