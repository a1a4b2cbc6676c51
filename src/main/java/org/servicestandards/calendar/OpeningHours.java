package org.servicestandards.calendar;

import java.time.LocalTime;

/** One stretch of a working day in local time, e.g. 09:00-18:00. */
public record OpeningHours(LocalTime start, LocalTime end) {

    public OpeningHours {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("opening hours must end after they start: " + start + "-" + end);
        }
    }

    /** Parses {@code HH:mm-HH:mm}. */
    public static OpeningHours parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected opening hours as HH:mm-HH:mm, got '" + text + "'");
        }
        return new OpeningHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
