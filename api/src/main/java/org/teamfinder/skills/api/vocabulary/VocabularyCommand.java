package org.teamfinder.skills.api.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.context.ApplicationContext;
import org.teamfinder.skills.api.config.StartupFailure;
import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.VocabularyTally;
import org.teamfinder.skills.domain.skill.port.in.LoadVocabulary;

/**
 * The {@code vocabulary} command: loads the starter vocabulary shipped in the jar, or one of ESCO's skills
 * files, into the catalogue of the database the usual variables name (migrating it first), in batches,
 * printing progress. Loading again changes nothing, and skills curators have are never changed (see
 * LoadVocabulary).
 *
 * <pre>
 * java -jar skills-api.jar vocabulary                            # the starter vocabulary
 * java -jar skills-api.jar vocabulary esco skills_en.csv [lang]  # ESCO, in the file's language
 * </pre>
 */
public final class VocabularyCommand {

    static final int BATCH = 500;
    private static final String STARTER_RESOURCE = "/vocabulary/starter-skills.tsv";
    private static final Pattern ESCO_FILE_LANGUAGE = Pattern.compile("(?i).*_([a-z]{2,3})\\.csv$");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Object> properties;

    public VocabularyCommand(PrintStream out, PrintStream err) {
        this(out, err, Map.of());
    }

    /** With Micronaut properties of its own, which win over the environment's (tests give their database so). */
    VocabularyCommand(PrintStream out, PrintStream err, Map<String, Object> properties) {
        this.out = out;
        this.err = err;
        this.properties = Map.copyOf(properties);
    }

    /** Runs the command with its arguments (after "vocabulary"); true when every batch was loaded. */
    public boolean run(String... args) {
        String source;
        List<VocabularyEntry> entries;
        List<String> skipped = new ArrayList<>();
        try {
            if (args.length == 0 || args[0].equals(VocabularyFiles.STARTER)) {
                source = "the starter vocabulary";
                try (InputStream in = VocabularyCommand.class.getResourceAsStream(STARTER_RESOURCE);
                     Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    entries = VocabularyFiles.starter(reader, skipped::add);
                }
            } else if (args[0].equals(VocabularyFiles.ESCO) && args.length >= 2) {
                Path file = Path.of(args[1]);
                String language = args.length > 2 ? args[2] : languageOf(file);
                source = "ESCO (" + file.getFileName() + ", language " + language + ")";
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    entries = VocabularyFiles.esco(reader, language, skipped::add);
                }
            } else {
                err.println("skills: usage: vocabulary [starter] | vocabulary esco <skills_xx.csv> [language]");
                return false;
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("skills: cannot read the vocabulary: " + e.getMessage());
            return false;
        }
        skipped.forEach(reason -> err.println("skills: left out " + reason));
        return load(source, entries);
    }

    private boolean load(String source, List<VocabularyEntry> entries) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "flyway.datasources.default.enabled", true,
                "micronaut.health.monitor.enabled", false,
                "skills.idempotency.cleanup.enabled", false,
                "skills.imports.runner-enabled", false));
        settings.putAll(properties);
        try (ApplicationContext context = ApplicationContext.builder().properties(settings).start()) {
            LoadVocabulary loader = context.getBean(LoadVocabulary.class);
            VocabularyTally total = VocabularyTally.NONE;
            for (int start = 0; start < entries.size(); start += BATCH) {
                List<VocabularyEntry> batch = entries.subList(start, Math.min(entries.size(), start + BATCH));
                // A command on the main thread, no server running: waiting for each batch is the point (one at a time,
                // with progress printed after each).
                total = total.plus(loader.load(batch).toCompletableFuture().join());
                out.printf("skills: %s: %d/%d entries read%n", source, Math.min(entries.size(), start + BATCH), entries.size());
            }
            out.printf("skills: loaded %s: %d skills created, %d aliases added to skills of the same concept, %d entries loaded before, "
                    + "%d whose name a skill already has (left alone)%n", source, total.created(), total.aliasesAdded(), total.loadedBefore(),
                    total.nameTaken());
            return true;
        } catch (RuntimeException e) {
            err.println("skills: loading " + source + " failed: " + StartupFailure.describe(e));
            return false;
        }
    }

    /** ESCO names its files by language: skills_en.csv, skills_ru.csv. */
    private static String languageOf(Path file) {
        Matcher matcher = ESCO_FILE_LANGUAGE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("name the language of " + file.getFileName()
                    + " (vocabulary esco <file> <language>), or keep ESCO's file name such as skills_en.csv");
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }
}
