package org.servicestandards.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What a system puts into the customer register: the tier held from {@code since} (default:
 * now), and optionally the name and the account manager (an agent id).
 */
public record CustomerUpdate(Tier tier, Instant since, String name, String accountManager) {

    private static final Set<String> FIELDS = Set.of("tier", "since", "name", "accountManager");

    /** The update, or the problems with it by JSON pointer. */
    public record Decoded(CustomerUpdate update, List<FieldError> errors) {
    }

    public static Decoded decode(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new Decoded(null, List.of(new FieldError("", "must be a JSON object with tier, and optionally since, name and accountManager")));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(FieldError.member("", name), "is not a field of this object"));
            }
        }
        Tier tier = null;
        JsonNode tierNode = node.get("tier");
        if (tierNode == null || tierNode.isNull()) {
            errors.add(new FieldError("/tier", "is required"));
        } else if (!tierNode.isTextual()) {
            errors.add(new FieldError("/tier", "must be one of STRATEGIC, VIP, STANDARD"));
        } else {
            try {
                tier = Tier.valueOf(tierNode.textValue());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("/tier", "unknown value '" + tierNode.textValue() + "'; must be one of STRATEGIC, VIP, STANDARD"));
            }
        }
        Instant since = null;
        JsonNode sinceNode = node.get("since");
        if (sinceNode != null && !sinceNode.isNull()) {
            if (!sinceNode.isTextual()) {
                errors.add(new FieldError("/since", "must be an ISO-8601 instant with an offset, e.g. 2026-11-24T09:30:00Z"));
            } else {
                try {
                    since = Instants.read(sinceNode.textValue());
                } catch (Instants.Unacceptable e) {
                    errors.add(new FieldError("/since", e.getMessage()));
                }
            }
        }
        String name = text(node, "name", RecordDecoder.MAX_TEXT_LENGTH, errors);
        String manager = text(node, "accountManager", RecordDecoder.MAX_ID_LENGTH, errors);
        return errors.isEmpty() ? new Decoded(new CustomerUpdate(tier, since, name, manager), List.of())
                : new Decoded(null, List.copyOf(errors));
    }

    private static String text(JsonNode node, String field, int max, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            errors.add(new FieldError("/" + field, "must be a non-blank string"));
            return null;
        }
        if (value.textValue().length() > max) {
            errors.add(new FieldError("/" + field, "is longer than " + max + " characters"));
            return null;
        }
        return value.textValue();
    }
}
