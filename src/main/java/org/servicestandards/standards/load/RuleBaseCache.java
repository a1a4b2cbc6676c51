package org.servicestandards.standards.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.servicestandards.interaction.ContentHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule bases compiled before, kept in a directory so that a start (or a reload) of files already
 * compiled does not compile them again: compiling is most of a start. An entry is written only
 * for files that were verified, compiled, judged the sample records and passed their example
 * cases; it is found by what it was compiled from (the rule set's version, which is the hash of
 * its files' paths and contents, the engine's version and the service's own build) and holds
 * that key, a SHA-256 of what follows, the example counts and the compiled packages of both bases
 * as the engine serialises them.
 *
 * <p>The cache can only save time, never change what serves: an entry that cannot be read, is
 * cut short or too long, fails its hash, names another key, holds classes other than those
 * compiled packages are made of or does not deserialise is deleted, and the files are compiled
 * as if it had never been there. Entries are trusted like the store beside them: whoever may
 * write this directory with a correct hash may choose the rules, as whoever may write the
 * store may choose the records. Nothing here throws: a directory that cannot be written only
 * means no cache.
 */
public final class RuleBaseCache {

    /** Keeps nothing: every load compiles. */
    public static final RuleBaseCache NONE = new RuleBaseCache(null, null);

    /** The newest entries kept; older ones are deleted when one is written. */
    static final int KEPT = 8;

    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseCache.class);
    private static final String FORMAT = "service-standards compiled rule bases 1";
    private static final String SUFFIX = ".kbase";
    private static final long MAX_PAYLOAD = 256L * 1024 * 1024;
    /** Only what compiled packages are made of is read back; anything else in a file refuses it. */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=500;java.lang.*;java.util.**;java.time.*;java.math.*;org.drools.**;org.kie.**;org.mvel2.**;"
                    + "org.servicestandards.**;!*");

    private final Path directory;
    private final String build;
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    private RuleBaseCache(Path directory, String build) {
        this.directory = directory;
        this.build = build;
    }

    /**
     * Entries in {@code directory} (made when first needed) for the service build {@code build};
     * without a build to tell builds apart, nothing is cached.
     */
    public static RuleBaseCache in(Path directory, String build) {
        if (directory == null || build == null || build.isBlank()) {
            return NONE;
        }
        return new RuleBaseCache(directory, build);
    }

    public boolean enabled() {
        return directory != null;
    }

    /** How many loads took their rule bases from an entry (before proving them). */
    public long taken() {
        return taken.get();
    }

    /** How many entries were deleted because they could not be used. */
    public long discarded() {
        return discarded.get();
    }

    /** What an entry holds: the rule bases, and how many example cases (and expectations in them) the files passed. */
    record Entry(RuleBases bases, int exampleCases, int exampleExpectations) {
    }

    /** The rule bases compiled before from the files of {@code version}, when a sound entry holds them. */
    Optional<Entry> read(String version) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = file(version);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Entry entry = decode(Files.readAllBytes(file), key(version));
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            taken.incrementAndGet();
            LOG.info("rules {} taken compiled from {}", version, file);
            return Optional.of(entry);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            discard(version, "it cannot be used (" + e + ")");
            return Optional.empty();
        }
    }

    /**
     * The compiled packages of {@code bases}, ready for {@link #write} once the files have passed
     * their example cases; null when there is no cache or they do not serialise.
     */
    byte[] serialize(RuleBases bases) {
        if (!enabled()) {
            return null;
        }
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
                out.writeObject(packages(bases.records()));
                out.writeObject(bases.history() == null ? null : packages(bases.history()));
            }
            return payload.toByteArray();
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled rules cannot be kept for the next start ({})", e.toString());
            return null;
        }
    }

    /**
     * Keeps serialised packages as the entry of {@code version}, whose files passed {@code cases}
     * example cases with {@code expectations} expectations; written whole or not at all.
     */
    void write(String version, byte[] packages, int cases, int expectations) {
        if (!enabled() || packages == null) {
            return;
        }
        Path file = file(version);
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "partial-", ".tmp");
            try {
                Files.write(partial, encode(key(version), packages, cases, expectations));
                move(partial, file);
            } finally {
                Files.deleteIfExists(partial);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled rules for {} cannot be kept in {} ({})", version, directory, e.toString());
        }
    }

    /** Deletes the entry of {@code version}, saying {@code why}: its files are compiled again. */
    void discard(String version, String why) {
        if (!enabled()) {
            return;
        }
        discarded.incrementAndGet();
        LOG.warn("compiled rules for {} in {} are not used, {}; compiling them again", version, file(version), why);
        try {
            Files.deleteIfExists(file(version));
        } catch (IOException e) {
            LOG.warn("cannot delete {} ({})", file(version), e.toString());
        }
    }

    /** Where the entry of {@code version} is (or would be) kept. */
    Path file(String version) {
        return directory.resolve(ContentHash.sha256(key(version)) + SUFFIX);
    }

    private String key(String version) {
        return "rules " + version + "\nengine drools " + Drools.getFullVersion() + "\nservice " + build;
    }

    private static List<KiePackage> packages(KieBase base) {
        return new ArrayList<>(base.getKiePackages());
    }

    private static byte[] encode(String key, byte[] packages, int cases, int expectations) throws IOException {
        ByteArrayOutputStream counted = new ByteArrayOutputStream(packages.length + 8);
        try (DataOutputStream out = new DataOutputStream(counted)) {
            out.writeInt(cases);
            out.writeInt(expectations);
            out.write(packages);
        }
        byte[] payload = counted.toByteArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(key);
            out.writeLong(payload.length);
            out.write(ContentHash.digest().digest(payload));
            out.write(payload);
        }
        return bytes.toByteArray();
    }

    private static Entry decode(byte[] entry, String key) throws IOException, ClassNotFoundException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
        if (!FORMAT.equals(in.readUTF())) {
            throw new IOException("not an entry of this cache");
        }
        if (!key.equals(in.readUTF())) {
            throw new IOException("the entry was made from other files, another engine or another build");
        }
        long length = in.readLong();
        byte[] digest = in.readNBytes(32);
        if (length < 0 || length > MAX_PAYLOAD || length != in.available()) {
            throw new IOException("the entry is cut short or too long");
        }
        byte[] payload = in.readNBytes((int) length);
        if (!MessageDigest.isEqual(digest, ContentHash.digest().digest(payload))) {
            throw new IOException("the entry does not match its hash");
        }
        ByteArrayInputStream counted = new ByteArrayInputStream(payload);
        DataInputStream counts = new DataInputStream(counted);
        int cases = counts.readInt();
        int expectations = counts.readInt();
        try (DroolsObjectInputStream packages = new DroolsObjectInputStream(counted, RuleBaseCache.class.getClassLoader())) {
            packages.setObjectInputFilter(CLASSES);
            KieBase records = base(packages.readObject());
            Object history = packages.readObject();
            return new Entry(new RuleBases(records, history == null ? null : base(history)), cases, expectations);
        }
    }

    private static KieBase base(Object packages) throws IOException {
        if (!(packages instanceof Collection<?> read) || read.isEmpty()
                || !read.stream().allMatch(KiePackage.class::isInstance)) {
            throw new IOException("the entry does not hold compiled packages");
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(read.stream().map(KiePackage.class::cast).toList());
        return base;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes all but the {@link #KEPT} entries used last. */
    private void prune() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            files.forEach(entries::add);
        }
        entries.sort(Comparator.comparing(RuleBaseCache::lastModified).reversed());
        for (Path old : entries.subList(Math.min(KEPT, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    @Override
    public String toString() {
        return enabled() ? "compiled rules in " + directory : "no compiled rules kept";
    }
}
