package org.servicestandards.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast reading of instants accepts and refuses exactly what the ISO formatter does. */
class InstantsProperties {

    private static Instant reference(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    @Property(tries = 3000)
    void agrees_with_the_iso_formatter_on_instant_shaped_text(@ForAll("instantLike") String text) {
        Instant expected;
        try {
            expected = reference(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(Instants.parse(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> instantLike() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(1990, 2100),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 61),
                Arbitraries.of("", ".5", ".123", ".123456789", ".1234567890", "."))
                .as((h, mi, s, f) -> String.format("%02d:%02d:%02d%s", h, mi, s, f));
        Arbitrary<String> offset = Arbitraries.of("Z", "z", "+03:00", "-05:30", "+18:00", "+19:00", "+3:00", "+03", "+0300",
                "+03:00:00", "", "-00:00");
        return Combinators.combine(date, Arbitraries.of("T", "t", " "), time, offset).as((d, t, ti, o) -> d + t + ti + o);
    }

    @Test
    void reads_the_shapes_systems_send() {
        assertThat(Instants.parse("2026-11-24T09:30:00Z")).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(Instants.parse("2026-11-24T12:30:00.250+03:00")).isEqualTo(Instant.parse("2026-11-24T09:30:00.250Z"));
        assertThat(Instants.parse("2026-11-24T09:30Z")).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThatThrownBy(() -> Instants.parse("2026-02-30T09:30:00Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Instants.parse("2026-11-24T09:30:00")).isInstanceOf(DateTimeException.class);
    }
}
