package org.servicestandards.records;

import java.util.List;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.verdict.Verdict;

/**
 * What happened to one posted record: its position in the request, its id (when readable), a
 * status, and the verdict, or the errors that rejected it.
 */
public record RecordResult(int index, String id, Status status, Verdict verdict, List<FieldError> errors) {

    public enum Status {
        /** Judged without storing (POST /check). */
        CHECKED,
        CREATED,
        REVISED,
        UNCHANGED,
        REJECTED
    }

    public RecordResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean isRejected() {
        return status == Status.REJECTED;
    }
}
