package org.servicestandards.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;
import org.servicestandards.standards.load.RuleSetLoader;

/**
 * Edits an officer might make to a copy of the shipped rules, good and broken. Files are written
 * in place (truncated, then written), as most tools do, so a reader may see them half-written.
 */
public final class RuleEdits {

    public static final String FIRST_RESPONSE_TARGETS = "tables/first-response-targets.csv";
    public static final String COMPLAINT_OWNER_RULES = "standards/complaint-owner.dslr";

    private static final String STANDARD_PHONE_ROW = "\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",";

    private RuleEdits() {
    }

    /** Sets the first-response target of a STANDARD customer's phone call (shipped: PT3M). */
    public static void setStandardPhoneTarget(Path rules, String target) {
        Path table = rules.resolve(FIRST_RESPONSE_TARGETS);
        String edited = read(table).lines()
                .map(line -> line.startsWith(STANDARD_PHONE_ROW) ? STANDARD_PHONE_ROW + "\"" + target + "\"" : line)
                .collect(Collectors.joining("\n", "", "\n"));
        write(table, edited);
    }

    /** Leaves a syntax error in the complaint-owner rules, so the rule set no longer compiles. */
    public static void breakComplaintOwnerRules(Path rules) {
        Path drl = rules.resolve(COMPLAINT_OWNER_RULES);
        write(drl, read(drl).replace("then", "then oops("));
    }

    /** Puts the shipped complaint-owner rules back. */
    public static void repairComplaintOwnerRules(Path rules) {
        try {
            Files.copy(Path.of("rules").resolve(COMPLAINT_OWNER_RULES), rules.resolve(COMPLAINT_OWNER_RULES),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the rule files under {@code rules} would load as, were they good. */
    public static String versionOf(Path rules) {
        return RuleSetLoader.version(RuleSetLoader.read(rules));
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code file}. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
