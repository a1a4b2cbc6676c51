package org.servicestandards.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.servicestandards.interaction.Instants;
import org.servicestandards.report.GroupBy;

/**
 * Query parameters read strictly: a malformed one is a 400 naming it, never a silent default.
 * Each parser takes the parameter's text (null when absent), so it can be tested and fuzzed
 * without a request; the {@link Context} forms read that text from {@link Query}. Every
 * refusal is a {@link Problem} with status 400 and nothing else is thrown.
 */
final class Params {

    static final int MAX_TEXT_LENGTH = 200;

    private Params() {
    }

    /** The parameter's one value, or null when absent; given twice it is refused, since which one counts would be a guess. */
    static String value(Context ctx, String name) {
        List<String> values = Query.of(ctx).get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw Problem.badParameter(name, "is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    static Instant instant(Context ctx, String name, Instant fallback) {
        return instant(name, value(ctx, name), fallback);
    }

    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instants.read(value.trim());
        } catch (Instants.Unacceptable e) {
            throw Problem.badParameter(name, e.getMessage()
                    + (value.indexOf(' ') >= 0 ? " (a '+' in a query string reads as a space: send it as %2B)" : ""));
        }
    }

    static Duration duration(Context ctx, String name, Duration fallback, Duration max) {
        return duration(name, value(ctx, name), fallback, max);
    }

    static Duration duration(String name, String value, Duration fallback, Duration max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(value.trim());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw Problem.badParameter(name, "'" + shorten(value) + "' is not an ISO-8601 duration such as PT1H or P2D");
        }
        if (parsed.isNegative() || parsed.compareTo(max) > 0) {
            throw Problem.badParameter(name, "must be between PT0S and " + max);
        }
        return parsed;
    }

    static int integer(Context ctx, String name, int fallback, int min, int max) {
        return integer(name, value(ctx, name), fallback, min, max);
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        throw Problem.badParameter(name, "must be a whole number from " + min + " to " + max);
    }

    static String text(Context ctx, String name, Set<String> allowed) {
        return text(name, value(ctx, name), allowed);
    }

    /** A text filter, or null when absent; checked against the allowed values when there are any. */
    static String text(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw Problem.badParameter(name, "unknown value '" + shorten(value) + "'; must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw Problem.badParameter(name, "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }

    /** Comma-separated or repeated values, e.g. {@code groupBy=team,week} or {@code groupBy=team&groupBy=week}. */
    static List<String> list(Context ctx, String name) {
        return list(Query.of(ctx).getOrDefault(name, List.of()));
    }

    static List<String> list(List<String> params) {
        List<String> values = new ArrayList<>();
        for (String param : params) {
            for (String part : param.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    static List<GroupBy> groupBy(Context ctx) {
        return groupBy(list(ctx, "groupBy"));
    }

    /** The dimensions in the order given, each once. */
    static List<GroupBy> groupBy(List<String> keys) {
        List<GroupBy> groupBy = new ArrayList<>();
        for (String key : keys) {
            try {
                GroupBy g = GroupBy.parse(key);
                if (!groupBy.contains(g)) {
                    groupBy.add(g);
                }
            } catch (IllegalArgumentException e) {
                throw Problem.badParameter("groupBy", e.getMessage());
            }
        }
        return groupBy;
    }

    static String format(Context ctx) {
        return format(value(ctx, "format"));
    }

    static String format(String format) {
        if (format == null || format.isBlank()) {
            return "json";
        }
        format = format.trim().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw Problem.badParameter("format", "must be json or csv");
        }
        return format;
    }

    /** Echoed values are cut short: a refusal names the value, it does not repeat a kilobyte of it. */
    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
