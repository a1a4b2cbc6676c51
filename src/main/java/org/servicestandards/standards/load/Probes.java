package org.servicestandards.standards.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.servicestandards.standards.HistoryEngine;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.facts.CustomerHistory;

/**
 * Records of every tier, channel, type and direction, with every optional part filled, that a
 * new rule set must judge without a rule failing before it may serve. A table cell that
 * compiles but cannot run (a target of {@code PT1X}) is caught here, not on a customer's record.
 */
final class Probes {

    static final Instant AS_OF = Instant.parse("2026-11-18T15:00:00Z");

    private Probes() {
    }

    /**
     * Judges the probe records as one customer's history, for a customer of each tier who has
     * held it a year, and for one who changed tier during the probes, by the history rules.
     */
    static void judgeHistories(RuleSet rules) {
        if (!rules.judgesHistory()) {
            return;
        }
        HistoryEngine engine = new HistoryEngine();
        List<Interaction> records = all();
        Instant yearAgo = AS_OF.minus(Duration.ofDays(365));
        for (Tier tier : Tier.values()) {
            engine.judge(rules, new CustomerHistory("probe", "Probe", "probe", java.util.Map.of(yearAgo, tier), AS_OF), records);
            engine.judge(rules, new CustomerHistory("probe", "Probe", null, java.util.Map.of(yearAgo, Tier.STANDARD,
                    AS_OF.minus(Duration.ofDays(3)), tier), AS_OF), records);
        }
        engine.judge(rules, new CustomerHistory("probe", "Probe", null, java.util.Map.of(), AS_OF), records);
    }

    static List<Interaction> all() {
        Instant opened = Instant.parse("2026-11-16T10:00:00Z");
        List<Interaction> probes = new ArrayList<>();
        int n = 0;
        for (Tier tier : Tier.values()) {
            for (Channel channel : Channel.values()) {
                for (InteractionType type : InteractionType.values()) {
                    for (Direction direction : Direction.values()) {
                        boolean answered = n % 2 == 0;
                        probes.add(new Interaction("probe-" + n++, new Customer("probe", tier, "Probe"),
                                new Agent("probe", "probe"), channel, direction, type, opened,
                                answered ? opened.plus(Duration.ofMinutes(2)) : null,
                                answered ? opened.plus(Duration.ofDays(1)) : null, null,
                                type == InteractionType.COMPLAINT ? new Complaint(answered ? "owner" : null,
                                        answered ? opened.plus(Duration.ofHours(20)) : null) : null,
                                List.of(opened.plus(Duration.ofHours(3))),
                                List.of(new Pause(opened.plus(Duration.ofHours(1)), answered ? opened.plus(Duration.ofHours(2)) : null, "probe")),
                                List.of(new Promise("p", "probe", opened.plus(Duration.ofHours(4)), answered ? opened.plus(Duration.ofHours(5)) : null,
                                        opened.plus(Duration.ofHours(3)))),
                                new Courtesy(true, answered, true, false, true, answered, true, true, answered, !answered),
                                3, java.util.Map.of()));
                        if (type == InteractionType.FOLLOW_UP) {
                            Interaction followUp = probes.get(probes.size() - 1);
                            probes.set(probes.size() - 1, new Interaction(followUp.id(), followUp.customer(), followUp.agent(),
                                    followUp.channel(), followUp.direction(), followUp.type(), followUp.openedAt(),
                                    followUp.firstResponseAt(), followUp.closedAt(), "probe-0", null, followUp.updates(), followUp.pauses(),
                                    followUp.promises(), followUp.courtesy(), followUp.satisfaction(), followUp.attributes()));
                        }
                    }
                }
            }
        }
        return probes;
    }
}
