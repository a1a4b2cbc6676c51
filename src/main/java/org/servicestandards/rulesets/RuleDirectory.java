package org.servicestandards.rulesets;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.load.RuleSetLoader;

/** A node's own rules directory, and the version its files would load as when last read. */
final class RuleDirectory {

    /** The files as read (path to content), or null with the problems that kept them from being read. */
    record Read(Map<String, byte[]> files, List<RuleProblem> problems) {
    }

    private final Path path;
    /** Null when the files could not be read. */
    private final AtomicReference<String> version = new AtomicReference<>();

    RuleDirectory(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    String version() {
        return version.get();
    }

    /** Reads the files now. */
    Read read() {
        try {
            return new Read(RuleSetLoader.read(path), List.of());
        } catch (RuleSetException e) {
            version.set(null);
            return new Read(null, e.problems());
        } catch (UncheckedIOException e) {
            // A file removed or replaced while the directory was read: the set as read is not one the officer wrote.
            version.set(null);
            return new Read(null, List.of(new RuleProblem(path.toString(), 0, 0, "could not be read: " + e.getCause())));
        }
    }

    /** Notes that the directory holds {@code files}; their version. */
    String holds(Map<String, byte[]> files) {
        String read = RuleSetLoader.version(files);
        version.set(read);
        return read;
    }
}
