package org.servicestandards.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the business calendar officers keep in {@code rules/calendar.yaml}:
 * <pre>
 * zone: Europe/Moscow
 * week:
 *   MONDAY: "09:00-18:00"
 *   SATURDAY: "10:00-14:00"
 *   SUNDAY: closed
 * holidays:
 *   2026-12-31: New Year's Eve
 * </pre>
 * A day left out of {@code week} is closed; a day may list several stretches separated by commas.
 */
public final class CalendarFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("zone", "week", "holidays");

    private CalendarFile() {
    }

    /** Parses the file's text; the exception's message says what is wrong and where. */
    public static BusinessCalendar parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CalendarException(line, e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CalendarException(1, "the calendar must be a map with zone, week and holidays");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new CalendarException(0, "unknown key '" + name + "'; expected zone, week and holidays");
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(root.path("zone").asText("UTC"));
        } catch (DateTimeException e) {
            throw new CalendarException(0, "zone: unknown time zone '" + root.path("zone").asText() + "'");
        }
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        JsonNode days = root.path("week");
        requireMap(days, "week: expected days with their opening hours, like MONDAY: \"09:00-18:00\"");
        for (Iterator<Map.Entry<String, JsonNode>> it = days.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(entry.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CalendarException(0, "week: '" + entry.getKey() + "' is not a day of the week");
            }
            if (entry.getValue().isContainerNode()) {
                // A YAML list or map would read as blank text and silently close the day.
                throw new CalendarException(0, "week: " + day
                        + ": expected opening hours as text like \"09:00-13:00, 14:00-18:00\" or closed");
            }
            week.put(day, hours(day, entry.getValue().asText()));
        }
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        requireMap(root.path("holidays"), "holidays: expected dates with their names, like 2026-12-31: New Year's Eve");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("holidays").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                holidays.put(LocalDate.parse(entry.getKey().trim()), entry.getValue().asText(""));
            } catch (DateTimeParseException e) {
                throw new CalendarException(0, "holidays: '" + entry.getKey() + "' is not a date like 2026-12-31");
            }
        }
        try {
            return new BusinessCalendar(zone, week, holidays);
        } catch (IllegalArgumentException e) {
            throw new CalendarException(0, "week: " + e.getMessage());
        }
    }

    /** An absent or empty section is fine; anything but a map would otherwise be read as empty. */
    private static void requireMap(JsonNode node, String message) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new CalendarException(0, message);
        }
    }

    private static List<OpeningHours> hours(DayOfWeek day, String text) {
        List<OpeningHours> hours = new ArrayList<>();
        if (text.isBlank() || text.trim().equalsIgnoreCase("closed")) {
            return hours;
        }
        for (String part : text.split(",")) {
            try {
                hours.add(OpeningHours.parse(part));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new CalendarException(0, "week: " + day + ": '" + part.trim() + "' is not opening hours like 09:00-18:00");
            }
        }
        return hours;
    }

    /** A calendar file that cannot be used; {@code line} is 0 when unknown. */
    public static final class CalendarException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long line;

        public CalendarException(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
