package org.servicestandards.rulesets;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.load.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rule set when the files under the rules directory change, so officers need no
 * restart and no request.
 *
 * <p>Edits arrive in bursts (an editor writes a temporary file and renames it, a checkout rewrites
 * many files) and a file may still be half-written when its event arrives. So the watcher waits
 * until the directory has been quiet for a quiet period, reads every rule file, waits another
 * quiet period and reads again; only when both reads agree does it hand those very bytes to
 * {@link RuleSets}, which refuses a bad set exactly as it refuses one reloaded on request.
 *
 * <p>It runs on its own daemon thread and outlives any error: a watcher that died silently would
 * leave officers believing their edits were live.
 */
public final class RulesWatcher implements AutoCloseable {

    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    /** How often to look whether a rules directory that disappeared has come back. */
    private static final Duration LOST_ROOT_RECHECK = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final RuleSets ruleSets;
    private final Path root;
    private final Duration quietPeriod;
    private final WatchService watchService;
    /** Only the watcher thread touches this once it runs; {@link Thread#start()} publishes what start() registered. */
    private final Map<WatchKey, Path> watchedDirectories = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    private RulesWatcher(RuleSets ruleSets, Duration quietPeriod) throws IOException {
        this.ruleSets = ruleSets;
        this.root = ruleSets.directory().toAbsolutePath().normalize();
        this.quietPeriod = quietPeriod;
        this.watchService = root.getFileSystem().newWatchService();
        this.thread = new Thread(this::watch, "rules-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching the directory of {@code ruleSets} and everything below it. Changes made once
     * this returns are seen.
     *
     * @throws UncheckedIOException when the directory cannot be watched
     */
    public static RulesWatcher start(RuleSets ruleSets, Duration quietPeriod) {
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("the quiet period must be positive, not " + quietPeriod);
        }
        try {
            RulesWatcher watcher = new RulesWatcher(ruleSets, quietPeriod);
            try {
                watcher.registerTree(watcher.root);
            } catch (IOException | RuntimeException e) {
                watcher.watchService.close();
                throw e;
            }
            watcher.thread.start();
            LOG.info("watching {} for rule changes (reload after {} ms of quiet)", watcher.root, quietPeriod.toMillis());
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + ruleSets.directory(), e);
        }
    }

    public static RulesWatcher start(RuleSets ruleSets) {
        return start(ruleSets, DEFAULT_QUIET_PERIOD);
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops watching; waits for a reload under way to finish, so nothing changes the rule set afterwards. */
    @Override
    public void close() {
        closed = true;
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.warn("closing the watch on {} failed", root, e);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watch() {
        while (!closed) {
            try {
                awaitChange();
                reloadOnceStable();
            } catch (ClosedWatchServiceException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                LOG.warn("watching {} failed; still watching", root, e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /** Blocks until something happens under the root that may change the rule set. */
    private void awaitChange() throws InterruptedException, IOException {
        while (true) {
            WatchKey key = watchService.poll(LOST_ROOT_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
            if (key == null) {
                if (!watchedDirectories.containsValue(root) && Files.isDirectory(root)) {
                    // The directory was removed and is back (a deployment replaced it): watch it again.
                    registerTree(root);
                    return;
                }
            } else if (handle(key)) {
                return;
            }
        }
    }

    /**
     * Reloads once two reads of the files, a quiet period apart, agree: a file still being written
     * would differ between them. Unreadable twice (the directory is gone, a file cannot be read)
     * still goes to {@link RuleSets}, so the refusal shows where officers look.
     */
    private void reloadOnceStable() throws InterruptedException, IOException {
        while (true) {
            awaitQuiet();
            Snapshot first = Snapshot.read(root);
            awaitQuiet();
            Snapshot second = Snapshot.read(root);
            if (first.readable() && second.readable() && first.version().equals(second.version())) {
                reloadIfChanged(second);
                return;
            }
            if (!first.readable() && !second.readable()) {
                ruleSets.reload(LoadTrigger.WATCH);
                return;
            }
            LOG.debug("the files under {} are still changing; waiting for them to settle", root);
        }
    }

    private void reloadIfChanged(Snapshot files) {
        LoadResult last = ruleSets.lastLoad();
        // Events that only touched files (or came after the content was already loaded) need no rebuild.
        if (last != null && last.ok() && files.version().equals(ruleSets.current().version())) {
            LOG.debug("the files under {} changed back to the rule set in service; nothing to reload", root);
            return;
        }
        ruleSets.reload(LoadTrigger.WATCH, files.files());
    }

    /** Returns once no event that may change the rule set has come for a whole quiet period. */
    private void awaitQuiet() throws InterruptedException, IOException {
        long quietNanos = quietPeriod.toNanos();
        long deadline = System.nanoTime() + quietNanos;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            WatchKey key = watchService.poll(left, TimeUnit.NANOSECONDS);
            if (key != null && handle(key)) {
                deadline = System.nanoTime() + quietNanos;
            }
        }
    }

    /** Takes a key's events, watches new directories, and says whether any event may change the rule set. */
    private boolean handle(WatchKey key) throws IOException {
        Path directory = watchedDirectories.get(key);
        boolean mayChange = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                // Events were lost: anything may have changed.
                mayChange = true;
                continue;
            }
            if (directory == null) {
                continue;
            }
            Path path = directory.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, NOFOLLOW_LINKS)) {
                // Files written into it before it is registered raise no event of their own; the
                // directory's creation already counts as a change, and the reload reads them.
                registerTree(path);
                mayChange = true;
            } else {
                mayChange |= mayChangeRuleSet(path);
            }
        }
        if (!key.reset()) {
            // The directory itself is gone, and the rule files in it with it.
            watchedDirectories.remove(key);
            mayChange = true;
        }
        return mayChange;
    }

    /** Editor backups, swap and lock files are no part of the rule set, so they trigger nothing. */
    private boolean mayChangeRuleSet(Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return RuleSetLoader.isRuleFile(relative) || Files.isDirectory(path, NOFOLLOW_LINKS);
    }

    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                watchedDirectories.put(directory.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), directory);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // Removed while we walked: its deletion event (or the parent's) says so.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Waits a quiet period after an error, so a lasting one is logged now and then rather than in a hot loop. */
    private boolean pause() {
        try {
            Thread.sleep(quietPeriod.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The rule files as read once, with the version they would load as; unreadable when the read failed. */
    private record Snapshot(Map<String, byte[]> files, String version) {

        static Snapshot read(Path root) {
            try {
                Map<String, byte[]> files = RuleSetLoader.read(root);
                return new Snapshot(files, RuleSetLoader.version(files));
            } catch (RuleSetException | UncheckedIOException e) {
                LOG.debug("reading the rules under {} failed: {}", root, e.getMessage());
                return new Snapshot(null, null);
            }
        }

        boolean readable() {
            return files != null;
        }
    }
}
