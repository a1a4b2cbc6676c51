package org.servicestandards.rulesets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.servicestandards.standards.load.RuleSetLoader;

/**
 * A candidate rule set sent for validation: a zip of the rules directory, read with limits on
 * entries and sizes so a crafted archive cannot exhaust the service.
 */
public final class RuleFiles {

    public static final int MAX_ENTRIES = 2_000;
    public static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;

    private RuleFiles() {
    }

    /** Reads the archive's rule files; a single top folder ({@code rules/…}) is taken as the root. */
    public static Map<String, byte[]> fromZip(byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IllegalArgumentException("the archive holds more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory()) {
                    continue;
                }
                inside("the archive entry '" + name + "'", name);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    total += read;
                    if (total > MAX_TOTAL_BYTES) {
                        throw new IllegalArgumentException("the archive unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
                    }
                    content.write(buffer, 0, read);
                }
                files.put(name, content.toByteArray());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable zip archive: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the archive holds no files");
        }
        return keepRuleFiles(withoutCommonTopFolder(files));
    }

    /**
     * A candidate rule set sent as texts, path to content (the JSON form of a validation
     * request); every path must stay inside the rules directory.
     */
    public static Map<String, byte[]> fromTexts(Map<String, String> texts) {
        Map<String, byte[]> files = new TreeMap<>();
        texts.forEach((name, text) -> {
            inside("files/" + name, name);
            files.put(name, text.getBytes(StandardCharsets.UTF_8));
        });
        return files;
    }

    /** Refuses a path that leaves the rules directory: absolute, a parent step, or a drive or scheme. */
    private static void inside(String what, String path) {
        String name = path.replace('\\', '/');
        if (name.startsWith("/") || name.equals("..") || name.startsWith("../") || name.contains("/../") || name.endsWith("/..")
                || name.contains(":")) {
            throw new IllegalArgumentException(what + " points outside the rules directory");
        }
    }

    private static Map<String, byte[]> withoutCommonTopFolder(Map<String, byte[]> files) {
        if (files.containsKey(RuleSetLoader.STANDARDS_FILE)) {
            return files;
        }
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String top = first.substring(0, slash + 1);
        if (!files.keySet().stream().allMatch(name -> name.startsWith(top))) {
            return files;
        }
        Map<String, byte[]> stripped = new TreeMap<>();
        files.forEach((name, content) -> stripped.put(name.substring(top.length()), content));
        return stripped;
    }

    private static Map<String, byte[]> keepRuleFiles(Map<String, byte[]> files) {
        Map<String, byte[]> kept = new TreeMap<>();
        files.forEach((name, content) -> {
            if (RuleSetLoader.isRuleFile(name)) {
                kept.put(name, content);
            }
        });
        return kept;
    }
}
