package org.servicestandards.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicestandards.interaction.Agent;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Complaint;
import org.servicestandards.interaction.Courtesy;
import org.servicestandards.interaction.Customer;
import org.servicestandards.interaction.Direction;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.interaction.Pause;
import org.servicestandards.interaction.Promise;
import org.servicestandards.interaction.Tier;

/** A small builder of valid interactions for tests; every field has a sensible default. */
public final class RecordBuilder {

    private String id = "rec-1";
    private String customerId = "cust-1";
    private Tier tier = Tier.STANDARD;
    private String agentId = "agent-1";
    private String team = "team-a";
    private Channel channel = Channel.PHONE;
    private Direction direction = Direction.INBOUND;
    private InteractionType type = InteractionType.INQUIRY;
    private Instant openedAt = Instant.parse("2026-11-16T10:00:00Z");
    private Instant firstResponseAt;
    private Instant closedAt;
    private String relatesTo;
    private Complaint complaint;
    private final List<Instant> updates = new ArrayList<>();
    private final List<Pause> pauses = new ArrayList<>();
    private final List<Promise> promises = new ArrayList<>();
    private Courtesy courtesy;
    private final Map<String, Boolean> courtesyAssessments = new LinkedHashMap<>();
    private Integer satisfaction;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public static RecordBuilder record() {
        return new RecordBuilder();
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }

    public RecordBuilder id(String value) { id = value; return this; }
    public RecordBuilder customer(String value) { customerId = value; return this; }
    public RecordBuilder tier(Tier value) { tier = value; return this; }
    public RecordBuilder agent(String value) { agentId = value; return this; }
    public RecordBuilder team(String value) { team = value; return this; }
    public RecordBuilder channel(Channel value) { channel = value; return this; }
    public RecordBuilder outbound() { direction = Direction.OUTBOUND; return this; }
    public RecordBuilder type(InteractionType value) { type = value; return this; }
    public RecordBuilder openedAt(String value) { openedAt = at(value); return this; }
    public RecordBuilder firstResponseAt(String value) { firstResponseAt = at(value); return this; }
    public RecordBuilder closedAt(String value) { closedAt = at(value); return this; }
    public RecordBuilder relatesTo(String value) { relatesTo = value; return this; }
    public RecordBuilder update(String value) { updates.add(at(value)); return this; }
    public RecordBuilder satisfaction(int value) { satisfaction = value; return this; }
    public RecordBuilder attribute(String name, Object value) { attributes.put(name, value); return this; }

    public RecordBuilder complaint(String ownerId, String resolvedAt) {
        type = InteractionType.COMPLAINT;
        complaint = new Complaint(ownerId, resolvedAt == null ? null : at(resolvedAt));
        return this;
    }

    public RecordBuilder pause(String from, String to) {
        pauses.add(new Pause(at(from), to == null ? null : at(to), "waiting on the customer"));
        return this;
    }

    public RecordBuilder promise(String promiseId, String dueAt, String fulfilledAt, String delayNoticeAt) {
        promises.add(new Promise(promiseId, "promised " + promiseId, at(dueAt),
                fulfilledAt == null ? null : at(fulfilledAt), delayNoticeAt == null ? null : at(delayNoticeAt)));
        return this;
    }

    public RecordBuilder courtesy(Courtesy value) { courtesy = value; return this; }

    /**
     * Assesses one courtesy field by name ({@code "greeting"}, …, {@code "rudeness"}); fields not
     * assessed stay absent. Builds on {@link #courtesy(Courtesy)} when one was given.
     */
    public RecordBuilder courtesy(String field, boolean value) {
        if (!Courtesy.FIELDS.contains(field)) {
            throw new IllegalArgumentException("no courtesy field named " + field);
        }
        courtesyAssessments.put(field, value);
        return this;
    }

    /** A courtesy block that was reviewed but assesses nothing. */
    public RecordBuilder courtesyNotAssessed() {
        courtesy = new Courtesy(null, null, null, null, null, null, null, null, null, null);
        return this;
    }

    /** Courtesy with every item kept and no rudeness. */
    public static Courtesy allCourteous() {
        return new Courtesy(true, true, true, true, true, true, true, true, true, false);
    }

    private Courtesy courtesy() {
        if (courtesyAssessments.isEmpty()) {
            return courtesy;
        }
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (String field : Courtesy.FIELDS) {
            fields.put(field, courtesy == null ? null : courtesy.item(field));
        }
        fields.putAll(courtesyAssessments);
        return new Courtesy(fields.get("greeting"), fields.get("addressedByName"), fields.get("eyeContact"),
                fields.get("smile"), fields.get("listenedAttentively"), fields.get("askedQuestions"),
                fields.get("explained"), fields.get("offeredHelp"), fields.get("warmFarewell"), fields.get("rudeness"));
    }

    public Interaction build() {
        return new Interaction(id, new Customer(customerId, tier, null), new Agent(agentId, team), channel, direction,
                type, openedAt, firstResponseAt, closedAt, relatesTo, complaint, updates, pauses, promises, courtesy(),
                satisfaction, attributes);
    }
}
