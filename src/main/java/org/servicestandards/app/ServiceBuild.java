package org.servicestandards.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.servicestandards.interaction.ContentHash;

/**
 * Which build of the service is running, by content: a hash over the name, size and CRC of every
 * class and service file of the jar it runs from (the zip's directory holds them, so nothing is
 * unpacked). The same code packaged again is the same build; any changed class, its own or a
 * library's, is another. Compiled rules are kept per build, so code that judges differently never runs rules
 * compiled for other code.
 */
final class ServiceBuild {

    private ServiceBuild() {
    }

    /** The build's identity; null when the service does not run from a jar (then nothing compiled is kept). */
    static String id() {
        CodeSource source = ServiceBuild.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return null;
        }
        try {
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) ? "jar sha256:" + contentHash(jar) : null;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String contentHash(Path jar) throws IOException {
        MessageDigest digest = ContentHash.digest();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().filter(ServiceBuild::isCode)
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                digest.update((entry.getName() + "\0" + entry.getSize() + "\0" + entry.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * What decides how rules compile and run: classes and the service files that wire them. Not
     * the notices and licences, which the shaded jar gathers anew (and in another order) each build.
     */
    private static boolean isCode(ZipEntry entry) {
        return entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/services/");
    }
}
