package org.servicestandards.standards;

import static org.servicestandards.testing.RecordBuilder.record;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.servicestandards.interaction.Channel;

class EngineSmokeTest {
    @Test
    void prints() {
        RuleSet rules = new RuleSetLoader().load(Path.of("rules"));
        System.out.println(rules.version() + " " + rules.rulesByPackage());
        var v = new Engine().evaluate(rules, record().channel(Channel.EMAIL).firstResponseAt("2026-11-16T19:00:00Z")
                .complaint(null, null).promise("p1", "2026-11-16T12:00:00Z", null, null).courtesy(org.servicestandards.testing.RecordBuilder.allCourteous()).build(), Instant.parse("2026-11-17T10:00:00Z"));
        v.outcomes().forEach(System.out::println);
    }
}
