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

/** Query parameters read strictly: a malformed one is a 400 naming it, never a silent default. */
final class Params {

    private Params() {
    }

    static Instant instant(Context ctx, String name, Instant fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instants.read(value.trim());
        } catch (Instants.Unacceptable e) {
            throw Problem.badParameter(name, e.getMessage());
        }
    }

    static Duration duration(Context ctx, String name, Duration fallback, Duration max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badParameter(name, "'" + value + "' is not an ISO-8601 duration such as PT1H or P2D");
        }
        if (parsed.isNegative() || parsed.compareTo(max) > 0) {
            throw Problem.badParameter(name, "must be between PT0S and " + max);
        }
        return parsed;
    }

    static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw Problem.badParameter(name, "must be a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw Problem.badParameter(name, "must be a whole number from " + min + " to " + max);
        }
    }

    /** A text filter, or null when absent; checked against the allowed values when there are any. */
    static String text(Context ctx, String name, Set<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw Problem.badParameter(name, "unknown value '" + value + "'; must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        if (value.length() > 200) {
            throw Problem.badParameter(name, "is longer than 200 characters");
        }
        return value;
    }

    /** Comma-separated or repeated values, e.g. {@code groupBy=team,week} or {@code groupBy=team&groupBy=week}. */
    static List<String> list(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String param : ctx.queryParams(name)) {
            for (String part : param.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    static String format(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.isBlank()) {
            return "json";
        }
        format = format.trim().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw Problem.badParameter("format", "must be json or csv");
        }
        return format;
    }
}
