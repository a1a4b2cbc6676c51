package org.servicestandards.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A job's input as the store keeps it: the lines of a file (NDJSON), blank lines left out, in
 * chunks of a few hundred lines, each gzip-compressed, so a node that takes the job over reads
 * the rest from the store and a year of history need not fit in memory.
 */
public final class JobInput {

    /** Lines a chunk holds: one step of an import, stored in one transaction. */
    public static final int CHUNK_LINES = 500;

    /** Input the job refuses: a line longer than allowed, or more bytes than allowed. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private JobInput() {
    }

    /** What a chunk is kept under. */
    @FunctionalInterface
    public interface Sink {
        void chunk(int seq, int lines, byte[] gzipped);
    }

    /**
     * Reads {@code in} to its end into chunks handed to {@code sink}; returns how many lines.
     * @throws Refused for a line over {@code maxLineBytes} or a file over {@code maxBytes}
     * @throws UncheckedIOException when the input breaks off
     */
    public static long split(InputStream in, long maxBytes, int maxLineBytes, Sink sink) {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 12);
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        long lines = 0;
        int inChunk = 0;
        int seq = 0;
        boolean blank = true;
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                read += n;
                if (read > maxBytes) {
                    throw new Refused("the file is larger than the " + maxBytes + " bytes an import takes");
                }
                for (int k = 0; k < n; k++) {
                    byte b = buffer[k];
                    if (b == '\n') {
                        if (!blank) {
                            line.writeTo(chunk);
                            chunk.write('\n');
                            lines++;
                            if (++inChunk == CHUNK_LINES) {
                                sink.chunk(seq++, inChunk, gzip(chunk.toByteArray()));
                                chunk.reset();
                                inChunk = 0;
                            }
                        }
                        line.reset();
                        blank = true;
                        continue;
                    }
                    if (line.size() >= maxLineBytes) {
                        throw new Refused("line " + (lines + 1) + " (not counting blank lines) is longer than the " + maxLineBytes
                                + " bytes a record may take");
                    }
                    line.write(b);
                    blank &= b == ' ' || b == '\t' || b == '\r';
                }
            }
            if (!blank) {
                line.writeTo(chunk);
                chunk.write('\n');
                lines++;
                inChunk++;
            }
            if (inChunk > 0) {
                sink.chunk(seq, inChunk, gzip(chunk.toByteArray()));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("the file broke off after " + read + " bytes", e);
        }
    }

    /** A chunk's lines, as they arrived. */
    public static byte[] lines(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a job's stored input no longer reads", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
