package org.servicestandards.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.verdict.StandardOutcome;

/**
 * A copy of the shipped rules that a test edits as an officer would, then loads or sees refused.
 * Registered as an extension ({@code @RegisterExtension final EditedRules rules = new EditedRules();}),
 * each test gets a fresh copy in a directory of its own, removed after it.
 */
public final class EditedRules implements BeforeEachCallback, AfterEachCallback {

    private Path directory;
    private RuleSet loaded;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = ShippedRulesCopy.into(Files.createTempDirectory("edited-rules"));
        loaded = null;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Replaces text in one file of the copy, failing when the text is not there (an edit that would change nothing). */
    public EditedRules replace(String file, String from, String to) {
        Path path = directory.resolve(file);
        String text = RuleEdits.read(path);
        assertThat(text).as(file).contains(from);
        RuleEdits.write(path, text.replace(from, to));
        loaded = null;
        return this;
    }

    /** Adds a file to the copy, failing when one is there already. */
    public EditedRules add(String file, String text) {
        Path path = directory.resolve(file);
        assertThat(path).as(file).doesNotExist();
        RuleEdits.write(path, text);
        loaded = null;
        return this;
    }

    /** The copy as it loads now (loaded once between edits). */
    public RuleSet load() {
        if (loaded == null) {
            loaded = new RuleSetLoader().load(directory);
        }
        return loaded;
    }

    /** One standard's outcome for the record, judged at {@code asOf} by the copy as it loads now. */
    public StandardOutcome judge(String standard, RecordBuilder record, String asOf) {
        return new Engine().evaluate(load(), record.build(), Instant.parse(asOf)).outcome(standard);
    }

    /** The problems the copy is refused for. */
    public RuleSetException refusal() {
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(directory));
        assertThat(refused).as("the edited rules are refused").isNotNull();
        return refused;
    }

    /** The copy is refused for one problem: at the file and line given, saying {@code message}. */
    public void assertRefusedAt(String file, int line, String message) {
        assertThat(refusal().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(message);
        });
    }
}
