package org.servicestandards.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Week and month labels come out as the formatter gives them, over every year a record may carry. */
class ReportPeriodsTest {

    private static String formattedWeek(Instant instant) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String formattedMonth(Instant instant) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
        return String.format("%d-%02d", at.getYear(), at.getMonthValue());
    }

    @Test
    void labels_equal_the_formatted_ones() {
        SplittableRandom random = new SplittableRandom(20261203);
        long min = Instant.parse("-9999-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 200_000; n++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertThat(ReportPeriods.week(at)).as(at.toString()).isEqualTo(formattedWeek(at));
            assertThat(ReportPeriods.month(at)).as(at.toString()).isEqualTo(formattedMonth(at));
        }
        for (String edge : new String[] {"2026-12-28T00:00:00Z", "2027-01-03T23:59:59.999Z", "2020-12-31T12:00:00Z", "2021-01-04T00:00:00Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"}) {
            Instant at = Instant.parse(edge);
            assertThat(ReportPeriods.week(at)).as(edge).isEqualTo(formattedWeek(at));
            assertThat(ReportPeriods.month(at)).as(edge).isEqualTo(formattedMonth(at));
        }
    }
}
