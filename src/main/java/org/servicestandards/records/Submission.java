package org.servicestandards.records;

import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Verdict;

/** A validated record to store, with its canonical JSON, content hash and the verdict it was given. */
public record Submission(Interaction record, String canonicalJson, String contentHash, Verdict verdict) {
}
