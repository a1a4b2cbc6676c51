package org.servicestandards.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** The periods reports group by: ISO week and month of an instant, in UTC. */
final class ReportPeriods {

    private ReportPeriods() {
    }

    /** For example 2026-W47. */
    static String week(Instant instant) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** For example 2026-11. */
    static String month(Instant instant) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
        return String.format("%d-%02d", at.getYear(), at.getMonthValue());
    }
}
