package org.servicestandards.standards;

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

/**
 * Records of every tier, channel, type and direction, with every optional part filled, that a
 * new rule set must judge without a rule failing before it may serve. A table cell that
 * compiles but cannot run (a target of {@code PT1X}) is caught here, not on a customer's record.
 */
final class Probes {

    static final Instant AS_OF = Instant.parse("2026-11-18T15:00:00Z");

    private Probes() {
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
                    }
                }
            }
        }
        return probes;
    }
}
