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
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new ContentHash(canonical, HexFormat.of().formatHex(digest));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a validated record always serialises", e);
        }
    }
}
