package org.servicestandards.standards.facts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.servicestandards.calendar.Clock;
import org.servicestandards.interaction.Interaction;

/**
 * A time target that applies to one interaction, derived from an officers' table: how long,
 * counted how, and whether the record's pauses stop the clock.
 */
public record Target(Interaction interaction, String standard, Duration limit, Clock clock, boolean pausesStopClock) {

    /** The form decision tables use: an ISO-8601 duration ({@code PT1H}, {@code P2D}) and a yes/no. */
    public Target(Interaction interaction, String standard, String limit, Clock clock, String pausesStopClock) {
        this(interaction, standard, parse(limit), clock, yes(pausesStopClock));
    }

    public boolean isExceededBy(Duration measured) {
        return measured.compareTo(limit) > 0;
    }

    static Duration parse(String limit) {
        try {
            return Duration.parse(limit.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + limit + "' is not an ISO-8601 duration such as PT1H or P2D", e);
        }
    }

    static boolean yes(String flag) {
        String value = flag.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("yes") || value.equals("true")) {
            return true;
        }
        if (value.equals("no") || value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("'" + flag + "' must be yes or no");
    }
}
