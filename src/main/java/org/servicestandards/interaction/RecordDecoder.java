package org.servicestandards.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a posted JSON record into an {@link Interaction}, or into the list of everything wrong
 * with it, each named by a JSON pointer. Every problem is reported at once, so a sending
 * system fixes its mapping in one round trip.
 */
public final class RecordDecoder {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TEXT_LENGTH = 2000;
    public static final int MAX_LIST_SIZE = 1000;
    public static final int MAX_ATTRIBUTES = 100;

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final Set<String> TOP_LEVEL = Set.of(
            "id", "customer", "agent", "channel", "direction", "type", "openedAt", "firstResponseAt",
            "closedAt", "relatesTo", "complaint", "updates", "pauses", "promises", "courtesy",
            "satisfaction", "attributes");
    private static final Set<String> CUSTOMER = Set.of("id", "tier", "name");
    private static final Set<String> AGENT = Set.of("id", "team");
    private static final Set<String> COMPLAINT = Set.of("ownerId", "resolvedAt");
    private static final Set<String> PAUSE = Set.of("from", "to", "reason");
    private static final Set<String> PROMISE = Set.of("id", "description", "dueAt", "fulfilledAt", "delayNoticeAt");
    private static final Set<String> COURTESY = Set.copyOf(Courtesy.FIELDS);

    /** Decodes one record; never throws on bad input. */
    public Decoded decode(JsonNode node) {
        return new Reading().record(node);
    }

    /** The outcome of decoding: the record, or the problems (and the id when it could be read). */
    public record Decoded(String id, Interaction interaction, List<FieldError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** One decoding pass; collects errors as it goes. */
    private static final class Reading extends FieldReader {

        Decoded record(JsonNode node) {
            if (node == null || !node.isObject()) {
                errors.add(new FieldError("", "must be a JSON object (an interaction record)"));
                return new Decoded(null, null, errors);
            }
            rejectUnknown(node, "", TOP_LEVEL);
            String id = recordId(node);
            Customer customer = customer(node.get("customer"));
            Agent agent = agent(node.get("agent"));
            Channel channel = requiredEnum(node, "", "channel", Channel.class);
            Direction direction = optionalEnum(node, "", "direction", Direction.class);
            InteractionType type = requiredEnum(node, "", "type", InteractionType.class);
            Instant openedAt = instant(node, "", "openedAt", true);
            Instant firstResponseAt = instant(node, "", "firstResponseAt", false);
            Instant closedAt = instant(node, "", "closedAt", false);
            String relatesTo = text(node, "", "relatesTo", false, MAX_ID_LENGTH);
            Complaint complaint = complaint(node.get("complaint"), type);
            List<Instant> updates = list(node, "updates", this::instantAt);
            List<Pause> pauses = list(node, "pauses", this::pause);
            List<Promise> promises = list(node, "promises", this::promise);
            Courtesy courtesy = courtesy(node.get("courtesy"));
            Integer satisfaction = satisfaction(node.get("satisfaction"));
            Map<String, Object> attributes = attributes(node.get("attributes"));

            if (openedAt != null) {
                notBefore(firstResponseAt, openedAt, "/firstResponseAt");
                notBefore(closedAt, openedAt, "/closedAt");
                if (complaint != null) {
                    notBefore(complaint.resolvedAt(), openedAt, "/complaint/resolvedAt");
                }
                for (int i = 0; i < updates.size(); i++) {
                    notBefore(updates.get(i), openedAt, "/updates/" + i);
                }
            }
            uniquePromiseIds(promises);
            if (!errors.isEmpty()) {
                return new Decoded(id, null, List.copyOf(errors));
            }
            return new Decoded(id, new Interaction(id, customer, agent, channel,
                    direction == null ? Direction.INBOUND : direction, type, openedAt, firstResponseAt, closedAt,
                    relatesTo, complaint, updates, pauses, promises, courtesy, satisfaction, attributes), List.of());
        }

        private String recordId(JsonNode node) {
            String id = text(node, "", "id", true, MAX_ID_LENGTH);
            if (id != null && !RECORD_ID.matcher(id).matches()) {
                errors.add(new FieldError("/id", "must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'"));
                return null;
            }
            return id;
        }

        private Customer customer(JsonNode node) {
            if (!requiredObject(node, "/customer")) {
                return null;
            }
            rejectUnknown(node, "/customer", CUSTOMER);
            String id = text(node, "/customer", "id", true, MAX_ID_LENGTH);
            Tier tier = optionalEnum(node, "/customer", "tier", Tier.class);
            String name = text(node, "/customer", "name", false, MAX_TEXT_LENGTH);
            return new Customer(id, tier == null ? Tier.STANDARD : tier, name);
        }

        private Agent agent(JsonNode node) {
            if (!requiredObject(node, "/agent")) {
                return null;
            }
            rejectUnknown(node, "/agent", AGENT);
            return new Agent(text(node, "/agent", "id", true, MAX_ID_LENGTH),
                    text(node, "/agent", "team", false, MAX_ID_LENGTH));
        }

        private Complaint complaint(JsonNode node, InteractionType type) {
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                errors.add(new FieldError("/complaint", "must be an object"));
                return null;
            }
            if (type != null && type != InteractionType.COMPLAINT) {
                errors.add(new FieldError("/complaint", "is allowed only when type is COMPLAINT"));
            }
            rejectUnknown(node, "/complaint", COMPLAINT);
            return new Complaint(text(node, "/complaint", "ownerId", false, MAX_ID_LENGTH),
                    instant(node, "/complaint", "resolvedAt", false));
        }

        private Pause pause(JsonNode node, String ptr) {
            if (!requiredObject(node, ptr)) {
                return null;
            }
            rejectUnknown(node, ptr, PAUSE);
            Instant from = instant(node, ptr, "from", true);
            Instant to = instant(node, ptr, "to", false);
            notBefore(to, from, ptr + "/to", "from");
            return new Pause(from, to, text(node, ptr, "reason", false, MAX_TEXT_LENGTH));
        }

        private Promise promise(JsonNode node, String ptr) {
            if (!requiredObject(node, ptr)) {
                return null;
            }
            rejectUnknown(node, ptr, PROMISE);
            return new Promise(text(node, ptr, "id", true, MAX_ID_LENGTH),
                    text(node, ptr, "description", false, MAX_TEXT_LENGTH),
                    instant(node, ptr, "dueAt", true),
                    instant(node, ptr, "fulfilledAt", false),
                    instant(node, ptr, "delayNoticeAt", false));
        }

        private Courtesy courtesy(JsonNode node) {
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                errors.add(new FieldError("/courtesy", "must be an object of true/false assessments"));
                return null;
            }
            rejectUnknown(node, "/courtesy", COURTESY);
            Boolean[] values = new Boolean[Courtesy.FIELDS.size()];
            for (int i = 0; i < values.length; i++) {
                String name = Courtesy.FIELDS.get(i);
                JsonNode value = node.get(name);
                if (absent(value)) {
                    continue;
                }
                if (!value.isBoolean()) {
                    errors.add(new FieldError("/courtesy/" + name, "must be true or false (leave it out when not assessed)"));
                    continue;
                }
                values[i] = value.booleanValue();
            }
            return new Courtesy(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                    values[7], values[8], values[9]);
        }

        private Integer satisfaction(JsonNode node) {
            if (absent(node)) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 5) {
                errors.add(new FieldError("/satisfaction", "must be a whole number from 1 to 5"));
                return null;
            }
            return node.intValue();
        }

        private Map<String, Object> attributes(JsonNode node) {
            if (absent(node)) {
                return Map.of();
            }
            if (!node.isObject()) {
                errors.add(new FieldError("/attributes", "must be an object of names to strings, numbers or booleans"));
                return Map.of();
            }
            if (node.size() > MAX_ATTRIBUTES) {
                errors.add(new FieldError("/attributes", "has " + node.size() + " entries; at most " + MAX_ATTRIBUTES + " are allowed"));
                return Map.of();
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String ptr = FieldError.member("/attributes", entry.getKey());
                JsonNode value = entry.getValue();
                if (entry.getKey().isEmpty() || entry.getKey().length() > MAX_ID_LENGTH) {
                    errors.add(new FieldError(ptr, "attribute names must be 1-" + MAX_ID_LENGTH + " characters"));
                } else if (value.isTextual()) {
                    if (value.textValue().length() > MAX_TEXT_LENGTH) {
                        errors.add(new FieldError(ptr, "is longer than " + MAX_TEXT_LENGTH + " characters"));
                    } else {
                        attributes.put(entry.getKey(), value.textValue());
                    }
                } else if (value.isBoolean()) {
                    attributes.put(entry.getKey(), value.booleanValue());
                } else if (value.isNumber()) {
                    Object number = attributeNumber(value);
                    if (number == null) {
                        errors.add(new FieldError(ptr, "is a number too large to hold"));
                    } else {
                        attributes.put(entry.getKey(), number);
                    }
                } else {
                    errors.add(new FieldError(ptr, "must be a string, a number or a boolean"));
                }
            }
            return attributes;
        }

        /**
         * The number as the stored record reads back (Integer, Long, BigInteger or Double), so a
         * record judged now equals the one re-read from the store; null when no double holds it.
         */
        private static Object attributeNumber(JsonNode value) {
            if (value.isIntegralNumber()) {
                if (value.canConvertToInt()) {
                    return value.intValue();
                }
                return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
            }
            double number = value.doubleValue();
            return Double.isFinite(number) ? number : null;
        }

        private void uniquePromiseIds(List<Promise> promises) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < promises.size(); i++) {
                String id = promises.get(i) == null ? null : promises.get(i).id();
                if (id != null && !seen.add(id)) {
                    errors.add(new FieldError("/promises/" + i + "/id", "repeats promise id '" + id + "'"));
                }
            }
        }
    }
}
