package org.servicestandards.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One interaction with a customer as a source system reports it: validated, immutable, the fact
 * the standards judge. Lists are never null; optional parts are null when absent.
 */
public record Interaction(
        String id,
        Customer customer,
        Agent agent,
        Channel channel,
        Direction direction,
        InteractionType type,
        Instant openedAt,
        Instant firstResponseAt,
        Instant closedAt,
        String relatesTo,
        Complaint complaint,
        List<Instant> updates,
        List<Pause> pauses,
        List<Promise> promises,
        Courtesy courtesy,
        Integer satisfaction,
        Map<String, Object> attributes) {

    public Interaction {
        updates = updates == null ? List.of() : List.copyOf(updates);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        promises = promises == null ? List.of() : List.copyOf(promises);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * Hashes by id alone (equality stays the record's, over every component): equal records have
     * equal ids, and the rules engine hashes every fact that holds a record, so walking all its
     * lists on each call costs more than the judging.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    public Tier tier() {
        return customer.tier();
    }

    /** When the complaint was solved, null while it is not (or this is no complaint). */
    public Instant resolvedAt() {
        return complaint == null ? null : complaint.resolvedAt();
    }

    /** When the interaction ended: its closing, or its opening when it records no closing. */
    public Instant endedAt() {
        return closedAt != null ? closedAt : openedAt;
    }

    /** An officer's own attribute, or null when the record does not carry it. */
    public Object attribute(String name) {
        return attributes.get(name);
    }
}
