package org.servicestandards.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
        if (node == null || !node.isObject()) {
            return new Decoded(null, List.of(new FieldError("", "must be a JSON object with tier, and optionally since, name and accountManager")));
        }
        FieldReader reader = new FieldReader();
        reader.rejectUnknown(node, "", FIELDS);
        Tier tier = reader.requiredEnum(node, "", "tier", Tier.class);
        Instant since = reader.instant(node, "", "since", false);
        String name = reader.nonBlankText(node, "", "name", RecordDecoder.MAX_TEXT_LENGTH);
        String manager = reader.nonBlankText(node, "", "accountManager", RecordDecoder.MAX_ID_LENGTH);
        return reader.errors.isEmpty() ? new Decoded(new CustomerUpdate(tier, since, name, manager), List.of())
                : new Decoded(null, List.copyOf(reader.errors));
    }
}
