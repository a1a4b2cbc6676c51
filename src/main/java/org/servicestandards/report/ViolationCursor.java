package org.servicestandards.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Where a page of violations ends, in their one total order: opening, newest first; at the same
 * instant the findings of interactions' outcomes before those of history outcomes; then, among
 * interactions' findings, by interaction, standard, revision, verdict and finding, and among
 * history findings by subject, standard, subject kind, period and finding. Sent to callers as
 * an opaque token ({@link #token()}) that {@link #parse} reads back; a record stored or judged
 * after the token was made takes its place in that order, so paging on neither repeats nor
 * skips what was there before.
 */
public record ViolationCursor(long openedAt, boolean history, String subjectId, String standard, String subjectKind,
                              String period, int revision, int verdictNo, int seq) {

    private static final byte VERSION = 1;
    /** Far longer than any token {@link #token()} makes: ids are at most 128 characters. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    /** The token of this position: URL-safe base64, no padding. */
    public String token() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(openedAt);
            out.writeBoolean(history);
            out.writeUTF(subjectId);
            out.writeUTF(standard);
            out.writeUTF(subjectKind);
            out.writeUTF(period);
            out.writeInt(revision);
            out.writeInt(verdictNo);
            out.writeInt(seq);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The position {@code token} names; IllegalArgumentException when it is not a token {@link #token()} made. */
    public static ViolationCursor parse(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw unreadable();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw unreadable();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw unreadable();
            }
            ViolationCursor cursor = new ViolationCursor(in.readLong(), in.readBoolean(), in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readUTF(), in.readInt(), in.readInt(), in.readInt());
            if (in.read() != -1) {
                throw unreadable();
            }
            return cursor;
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static IllegalArgumentException unreadable() {
        return new IllegalArgumentException("is not a cursor this list gave; pass the next of the page before as it came");
    }
}
