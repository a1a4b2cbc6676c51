package org.servicestandards.calendar;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The business calendars of a rule set by name: {@code default} ({@code calendar.yaml}), and one
 * for each {@code calendars/NAME.yaml}, for teams and customers in other zones or on other
 * hours. A record is counted in the default unless the rule set's calendar table names another.
 */
public final class BusinessCalendars {

    /** The name of the calendar {@code calendar.yaml} holds. */
    public static final String DEFAULT = "default";
    /** What a calendar's name may be: its file's name without {@code .yaml}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Map<String, BusinessCalendar> byName;

    /** The default calendar and the others by name ({@code default} among them is refused). */
    public BusinessCalendars(BusinessCalendar defaultCalendar, Map<String, BusinessCalendar> others) {
        Map<String, BusinessCalendar> all = new TreeMap<>(others);
        if (all.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("'" + DEFAULT + "' is the name of calendar.yaml's calendar");
        }
        all.keySet().stream().filter(name -> !NAME.matcher(name).matches()).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("'" + name + "' is not a calendar name: lower-case letters, digits, - and _");
        });
        all.put(DEFAULT, defaultCalendar);
        this.byName = Collections.unmodifiableMap(all);
    }

    /** Only the one calendar, as the default. */
    public static BusinessCalendars of(BusinessCalendar only) {
        return new BusinessCalendars(only, Map.of());
    }

    public BusinessCalendar defaultCalendar() {
        return byName.get(DEFAULT);
    }

    public Optional<BusinessCalendar> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every calendar's name, in order. */
    public Set<String> names() {
        return byName.keySet();
    }
}
