package org.servicestandards.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.interaction.Tier;
import org.servicestandards.json.Json;

/**
 * A year of a customer-service operation for the history sweep benchmark: {@code customers}
 * customers and exactly {@code records} interaction records (SPEC §2), all opened in the 365
 * days before {@link #AS_OF}. Deterministic: the same parameters give the same records.
 *
 * <p>About 5 % of customers are STRATEGIC and 15 % VIP (each with an account manager), the rest
 * STANDARD; about 4 % changed tier during the year. VIP and strategic customers get outbound
 * calls every 16-30 days, strategic ones a visit every 45-95 days, and both a survey every
 * 120-190 days; about one in eight of them was neglected for the last one to four months
 * (overdue). Complaints are mostly resolved, some still open; a resolved complaint gets a
 * follow-up (relatesTo = the complaint id) in time in 75 % of cases, late in 10 %, never in 15 %.
 * Sales get a follow-up in time in 80 %, late in 8 %, never in 12 %. Ordinary inquiries and
 * requests fill up the count: one for every customer, the rest spread over customers with
 * weights 3 (strategic), 2 (VIP), 1 (standard).
 */
public final class HistoryDataSet {

    /** The instant the data describes and the sweep judges at; nothing is opened after it. */
    public static final Instant AS_OF = Instant.parse("2026-11-20T02:00:00Z");
    static final Instant START = AS_OF.minus(Duration.ofDays(365));

    /** Changes whenever the generator makes other records from the same parameters. */
    private static final int VERSION = 2;
    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 86400;
    private static final int ACCOUNT_MANAGERS = 80;
    private static final int AGENTS = 400;
    private static final int TEAMS = 8;
    private static final String[] INBOUND_CHANNELS = {"PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE",
        "EMAIL", "EMAIL", "EMAIL", "EMAIL", "EMAIL", "CHAT", "CHAT", "CHAT", "CHAT", "WEB", "WEB", "IN_PERSON", "IN_PERSON"};

    private final int customers;
    private final int records;
    private final long seed;
    private final int[] fill;

    public HistoryDataSet(int customers, int records, long seed) {
        this.customers = customers;
        this.records = records;
        this.seed = seed;
        this.fill = new int[customers];
        distributeFill();
    }

    /** A file-name-safe key of the parameters: a store generated with other parameters is another store. */
    public String key() {
        return "c" + customers + "-r" + records + "-s" + seed + "-v" + VERSION;
    }

    public int customers() {
        return customers;
    }

    public int records() {
        return records;
    }

    /** One customer: what the register is told (in order), and their records. */
    public record CustomerData(String id, List<CustomerUpdate> register, List<JsonNode> records) {
    }

    /** The customer at {@code index} (0 ≤ index < customers). */
    public CustomerData customer(int index) {
        Plan plan = plan(index);
        plan.inquiries(fill[index]);
        return new CustomerData(plan.id, plan.register(), plan.records);
    }

    /** The ordinary inquiries every customer gets on top of the structured events, so the total is exact. */
    private void distributeFill() {
        long structured = 0;
        double[] cumulative = new double[customers];
        double total = 0;
        for (int k = 0; k < customers; k++) {
            Plan plan = plan(k);
            structured += plan.records.size();
            total += plan.tierNow == Tier.STRATEGIC ? 3 : plan.tierNow == Tier.VIP ? 2 : 1;
            cumulative[k] = total;
        }
        // Every customer has at least one record, so the service knows all of them.
        Arrays.fill(fill, 1);
        long remaining = records - structured - customers;
        if (remaining < 0) {
            throw new IllegalArgumentException(records + " records are too few for " + customers + " customers: their calls,"
                    + " visits, surveys, complaints and sales and one inquiry each make " + (structured + customers));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (long k = 0; k < remaining; k++) {
            int at = Arrays.binarySearch(cumulative, rng.nextDouble(total));
            fill[at < 0 ? -at - 1 : at]++;
        }
    }

    private Plan plan(int index) {
        return new Plan(index, new SplittableRandom(seed * 1_000_003L + index));
    }

    /** One customer's year, built from their own random stream. */
    private static final class Plan {
        private final String id;
        private final SplittableRandom rng;
        private final Tier tierNow;
        private final Tier tierBefore;
        private final Instant changedAt;
        private final Instant registeredSince;
        private final String accountManager;
        private final String name;
        private final List<JsonNode> records = new ArrayList<>();
        private int seq;

        Plan(int index, SplittableRandom rng) {
            this.id = String.format("cust-%07d", index);
            this.rng = rng;
            double u = rng.nextDouble();
            tierNow = u < 0.05 ? Tier.STRATEGIC : u < 0.20 ? Tier.VIP : Tier.STANDARD;
            if (rng.nextDouble() < 0.04) {
                tierBefore = switch (tierNow) {
                    case STRATEGIC -> Tier.VIP;
                    case VIP -> Tier.STANDARD;
                    case STANDARD -> Tier.VIP;
                };
                changedAt = at(START.plus(Duration.ofDays(30 + rng.nextInt(300))));
            } else {
                tierBefore = tierNow;
                changedAt = null;
            }
            registeredSince = START.minus(Duration.ofDays(rng.nextInt(1000)));
            boolean managed = tierNow != Tier.STANDARD || tierBefore != Tier.STANDARD;
            accountManager = managed ? String.format("am-%02d", index % ACCOUNT_MANAGERS) : null;
            name = rng.nextDouble() < 0.3 ? "Customer " + index : null;
            contacts();
            visits();
            surveys();
            complaints();
            sales();
        }

        private Tier tierAt(Instant t) {
            return changedAt != null && t.isBefore(changedAt) ? tierBefore : tierNow;
        }

        private boolean keyAccountAt(Instant t) {
            return tierAt(t) != Tier.STANDARD;
        }

        List<CustomerUpdate> register() {
            if (accountManager == null) {
                return List.of();
            }
            TreeMap<Instant, Tier> periods = new TreeMap<>();
            periods.put(registeredSince, tierBefore);
            if (changedAt != null) {
                periods.put(changedAt, tierNow);
            }
            return periods.entrySet().stream().map(e -> new CustomerUpdate(e.getValue(), e.getKey(), name, accountManager)).toList();
        }

        /** Outbound calls while the customer is VIP or strategic; some were neglected lately. */
        private void contacts() {
            if (accountManager == null) {
                return;
            }
            Instant end = rng.nextDouble() < 0.12 ? AS_OF.minus(Duration.ofDays(31 + rng.nextInt(90))) : AS_OF;
            for (Instant t = START.plusSeconds(rng.nextLong(20 * DAY)); t.isBefore(end); t = t.plusSeconds(16 * DAY + rng.nextLong(14 * DAY))) {
                if (keyAccountAt(t)) {
                    Instant opened = workHours(t);
                    if (!opened.isAfter(AS_OF)) {
                        ObjectNode call = base("call", accountManager, "key-accounts", "PHONE", "OUTBOUND", "INQUIRY", opened);
                        closeAfter(call, opened, 0, 5 * MINUTE + rng.nextLong(20 * MINUTE));
                        courtesy(call, false);
                    }
                }
            }
        }

        /** Visits to strategic customers; some were not visited lately. */
        private void visits() {
            if (tierNow != Tier.STRATEGIC && tierBefore != Tier.STRATEGIC) {
                return;
            }
            Instant end = rng.nextDouble() < 0.15 ? AS_OF.minus(Duration.ofDays(91 + rng.nextInt(120))) : AS_OF;
            for (Instant t = START.plusSeconds(rng.nextLong(60 * DAY)); t.isBefore(end); t = t.plusSeconds(45 * DAY + rng.nextLong(50 * DAY))) {
                Instant opened = workHours(t);
                if (tierAt(opened) == Tier.STRATEGIC && !opened.isAfter(AS_OF)) {
                    ObjectNode visit = base("visit", accountManager, "key-accounts", "VISIT", "OUTBOUND", "INQUIRY", opened);
                    closeAfter(visit, opened, 0, HOUR + rng.nextLong(2 * HOUR));
                    courtesy(visit, true);
                }
            }
        }

        /** Satisfaction surveys: twice a year or so for key accounts (some lapsed), now and then for others. */
        private void surveys() {
            if (accountManager == null) {
                if (rng.nextDouble() < 0.1) {
                    survey(workingHourInYear());
                }
                return;
            }
            Instant end = rng.nextDouble() < 0.1 ? AS_OF.minus(Duration.ofDays(184 + rng.nextInt(150))) : AS_OF;
            for (Instant t = START.plusSeconds(rng.nextLong(120 * DAY)); t.isBefore(end); t = t.plusSeconds(120 * DAY + rng.nextLong(70 * DAY))) {
                survey(workHours(t));
            }
        }

        private void survey(Instant opened) {
            if (opened.isAfter(AS_OF)) {
                return;
            }
            ObjectNode survey = base("survey", agent(), team(), rng.nextBoolean() ? "EMAIL" : "PHONE", "OUTBOUND", "SURVEY", opened);
            closeAfter(survey, opened, 0, 10 * MINUTE);
            survey.put("satisfaction", 1 + rng.nextInt(5));
        }

        private void complaints() {
            for (int k = perYear(1.5, 0.8, 0.4); k > 0; k--) {
                Instant opened = workingHourInYear();
                if (opened.isAfter(AS_OF)) {
                    continue;
                }
                String channel = pick("EMAIL", "EMAIL", "PHONE", "PHONE", "CHAT", "WEB");
                ObjectNode complaint = base("cmp", agent(), team(), channel, "INBOUND", "COMPLAINT", opened);
                Instant first = opened.plusSeconds(channel.equals("EMAIL") || channel.equals("WEB") ? MINUTE + rng.nextLong(4 * HOUR)
                        : 10 + rng.nextLong(4 * MINUTE));
                complaint.put("firstResponseAt", text(first));
                ObjectNode details = complaint.putObject("complaint");
                if (rng.nextDouble() < 0.95) {
                    details.put("ownerId", agent());
                }
                Instant resolved = first.plusSeconds(HOUR + rng.nextLong(6 * DAY));
                boolean open = resolved.isAfter(AS_OF) || rng.nextDouble() < 0.06;
                Instant update = first.plusSeconds(4 * HOUR + rng.nextLong(20 * HOUR));
                if (!update.isAfter(open ? AS_OF : resolved)) {
                    complaint.putArray("updates").add(text(update));
                }
                if (open) {
                    continue;
                }
                details.put("resolvedAt", text(resolved));
                complaint.put("closedAt", text(resolved));
                followUp(complaint.get("id").asText(), resolved, 0.75, 0.10);
            }
        }

        private void sales() {
            for (int k = perYear(3, 1.5, 0.6); k > 0; k--) {
                Instant opened = workingHourInYear();
                if (opened.isAfter(AS_OF)) {
                    continue;
                }
                String channel = accountManager != null && rng.nextDouble() < 0.3 ? "VISIT" : pick("IN_PERSON", "PHONE", "WEB");
                boolean byManager = channel.equals("VISIT");
                ObjectNode sale = base("sale", byManager ? accountManager : agent(), byManager ? "key-accounts" : team(), channel,
                        byManager ? "OUTBOUND" : "INBOUND", "SALE", opened);
                Instant closed = closeAfter(sale, opened, 30, 10 * MINUTE + rng.nextLong(50 * MINUTE));
                courtesy(sale, channel.equals("VISIT") || channel.equals("IN_PERSON"));
                followUp(sale.get("id").asText(), closed, 0.80, 0.08);
            }
        }

        /** A follow-up of {@code subject} after {@code from}: in time, late or never; none after asOf. */
        private void followUp(String subject, Instant from, double inTime, double late) {
            double u = rng.nextDouble();
            Instant opened;
            if (u < inTime) {
                opened = from.plusSeconds(2 * HOUR + rng.nextLong(6 * DAY + 20 * HOUR));
            } else if (u < inTime + late) {
                opened = from.plusSeconds(7 * DAY + HOUR + rng.nextLong(14 * DAY));
            } else {
                return;
            }
            if (opened.isAfter(AS_OF)) {
                return;
            }
            ObjectNode followUp = base("fu", accountManager != null ? accountManager : agent(),
                    accountManager != null ? "key-accounts" : team(), "PHONE", "OUTBOUND", "FOLLOW_UP", opened);
            closeAfter(followUp, opened, 0, 3 * MINUTE + rng.nextLong(10 * MINUTE));
            followUp.put("relatesTo", subject);
        }

        /** Ordinary inbound inquiries and requests. */
        void inquiries(int count) {
            for (int k = 0; k < count; k++) {
                Instant opened = START.plusSeconds(rng.nextLong(365 * DAY));
                if (opened.isAfter(AS_OF)) {
                    opened = AS_OF;
                }
                String channel = INBOUND_CHANNELS[rng.nextInt(INBOUND_CHANNELS.length)];
                boolean request = rng.nextDouble() < 0.2;
                ObjectNode record = base(request ? "req" : "inq", agent(), team(), channel, "INBOUND",
                        request ? "REQUEST" : "INQUIRY", opened);
                boolean written = channel.equals("EMAIL") || channel.equals("WEB");
                long answer = written ? 5 * MINUTE + rng.nextLong(6 * HOUR) : 5 + rng.nextLong(rng.nextDouble() < 0.9 ? 2 * MINUTE : 10 * MINUTE);
                Instant first = opened.plusSeconds(answer);
                if (first.isAfter(AS_OF)) {
                    continue;
                }
                record.put("firstResponseAt", text(first));
                long open = request ? HOUR + rng.nextLong(3 * DAY) : 2 * MINUTE + rng.nextLong(written ? 2 * HOUR : 20 * MINUTE);
                Instant closed = first.plusSeconds(open);
                if (request && open > 12 * HOUR) {
                    Instant update = first.plusSeconds(open / 2);
                    if (!update.isAfter(AS_OF)) {
                        record.putArray("updates").add(text(update));
                    }
                }
                if (!closed.isAfter(AS_OF)) {
                    record.put("closedAt", text(closed));
                }
                courtesy(record, channel.equals("IN_PERSON"));
            }
        }

        private ObjectNode base(String kind, String agent, String team, String channel, String direction, String type, Instant opened) {
            ObjectNode record = Json.mapper().createObjectNode();
            record.put("id", id + "-" + kind + "-" + (++seq));
            ObjectNode customer = record.putObject("customer");
            customer.put("id", id);
            customer.put("tier", tierAt(opened).name());
            if (name != null) {
                customer.put("name", name);
            }
            ObjectNode agentNode = record.putObject("agent");
            agentNode.put("id", agent);
            agentNode.put("team", team);
            record.put("channel", channel);
            record.put("direction", direction);
            record.put("type", type);
            record.put("openedAt", text(opened));
            records.add(record);
            return record;
        }

        /** Answered after {@code answer} seconds and closed {@code length} seconds later, unless that is after asOf. */
        private Instant closeAfter(ObjectNode record, Instant opened, long answer, long length) {
            Instant first = opened.plusSeconds(answer);
            Instant closed = first.plusSeconds(length);
            if (!first.isAfter(AS_OF)) {
                record.put("firstResponseAt", text(first));
            }
            if (!closed.isAfter(AS_OF)) {
                record.put("closedAt", text(closed));
            }
            return closed;
        }

        /** A courtesy review on about a third of spoken contacts; rudeness in about 1 in 200. */
        private void courtesy(ObjectNode record, boolean faceToFace) {
            if (rng.nextDouble() >= 0.3) {
                return;
            }
            ObjectNode courtesy = record.putObject("courtesy");
            courtesy.put("greeting", rng.nextDouble() < 0.97);
            courtesy.put("addressedByName", rng.nextDouble() < 0.9);
            courtesy.put("listenedAttentively", rng.nextDouble() < 0.95);
            courtesy.put("explained", rng.nextDouble() < 0.93);
            courtesy.put("offeredHelp", rng.nextDouble() < 0.9);
            courtesy.put("warmFarewell", rng.nextDouble() < 0.96);
            if (faceToFace) {
                courtesy.put("eyeContact", rng.nextDouble() < 0.95);
                courtesy.put("smile", rng.nextDouble() < 0.9);
            }
            if (rng.nextDouble() < 0.005) {
                courtesy.put("rudeness", true);
            }
        }

        /** The next working-hours instant (Monday-Friday 09:00-18:00 UTC) on or after {@code t}, at a random minute. */
        private Instant workHours(Instant t) {
            long day = Math.floorDiv(t.getEpochSecond(), DAY);
            while (Math.floorMod(day + 3, 7) >= 5) { // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays
                day++;
            }
            return Instant.ofEpochSecond(day * DAY + 9 * HOUR + rng.nextLong(9 * HOUR));
        }

        /** How many events of a kind this year, by the customer's tier now: a Poisson draw around the mean given. */
        private int perYear(double strategic, double vip, double standard) {
            return poisson(tierNow == Tier.STRATEGIC ? strategic : tierNow == Tier.VIP ? vip : standard);
        }

        private Instant workingHourInYear() {
            return workHours(START.plusSeconds(rng.nextLong(364 * DAY)));
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double product = rng.nextDouble();
            int count = 0;
            while (product > limit) {
                count++;
                product *= rng.nextDouble();
            }
            return count;
        }

        private String agent() {
            return String.format("agent-%03d", rng.nextInt(AGENTS));
        }

        private String team() {
            return "team-" + (1 + rng.nextInt(TEAMS));
        }

        private String pick(String... options) {
            return options[rng.nextInt(options.length)];
        }

        private static Instant at(Instant t) {
            return Instant.ofEpochSecond(t.getEpochSecond());
        }

        private static String text(Instant t) {
            return Instant.ofEpochSecond(t.getEpochSecond()).toString();
        }
    }
}
