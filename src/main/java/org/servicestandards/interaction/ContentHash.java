package org.servicestandards.interaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.servicestandards.json.Json;

/**
 * A record's canonical JSON (sorted keys, UTC instants) and its SHA-256: two posts with the same
 * content have the same hash however their JSON was laid out. This is the idempotency key's
 * second half; the record id is the first.
 */
public record ContentHash(String canonicalJson, String hash) {

    public static ContentHash of(Interaction record) {
        try {
            String canonical = Json.canonical().writeValueAsString(record);
            return new ContentHash(canonical, sha256(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated record always serialises", e);
        }
    }

    /** The SHA-256 of text (as UTF-8), in lowercase hex: the one hash the service keeps things by. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of bytes, in lowercase hex. */
    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    /** A fresh SHA-256 digest, for hashing in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
