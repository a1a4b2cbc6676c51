package org.servicestandards.interaction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 instants with an offset. What callers send is read by {@link #read}, which
 * accepts only instants from {@link #EARLIEST} to {@link #LATEST}: nothing a service record holds
 * lies outside them, and within them no arithmetic on instants and durations can overflow. The usual shape ({@code 2026-11-24T09:30:00Z},
 * {@code 2026-11-24T09:30:00.250+03:00}) is read directly, since {@link DateTimeFormatter}
 * costs more than judging the record; every other text goes to the formatter, so what is
 * accepted is exactly what {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} accepts.
 */
public final class Instants {

    /** The earliest instant a caller may send. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** The latest instant a caller may send. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** The accepted range, as the messages and the documentation state it. */
    public static final String RANGE = "1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z";

    private Instants() {
    }

    /** Why an instant a caller sent is not accepted; the message says so in words the caller can act on. */
    public static final class Unacceptable extends IllegalArgumentException {
        private Unacceptable(String reason) {
            super(reason);
        }
    }

    /**
     * Reads an instant a caller sent: ISO-8601 with an offset, from {@link #EARLIEST} to {@link #LATEST}.
     *
     * @throws Unacceptable naming what is wrong with the text
     */
    public static Instant read(String text) {
        Instant instant;
        try {
            instant = parse(text);
        } catch (DateTimeException e) {
            throw new Unacceptable("malformed instant '" + shorten(text)
                    + "'; expected ISO-8601 with an offset, e.g. 2026-11-24T09:30:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new Unacceptable("instant '" + shorten(text) + "' is out of range; instants must lie from " + RANGE);
        }
        return instant;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** @throws DateTimeParseException when the text is not an instant with an offset */
    public static Instant parse(String text) {
        Instant fast = fastPath(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private static Instant fastPath(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, i + 3);
            int minutes = digits(s, i + 4, i + 6);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of s[from, to), or -1 unless every character is an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
