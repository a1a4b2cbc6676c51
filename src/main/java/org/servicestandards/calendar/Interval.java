package org.servicestandards.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open stretch of time [start, end). */
public record Interval(Instant start, Instant end) {

    public Duration length() {
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    /** How much of this interval the other one covers. */
    public Duration overlap(Interval other) {
        Instant from = start.isAfter(other.start) ? start : other.start;
        Instant to = end.isBefore(other.end) ? end : other.end;
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    /** Sorts and joins overlapping or touching intervals, dropping empty ones. */
    public static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>();
        for (Interval interval : intervals) {
            if (interval.end.isAfter(interval.start)) {
                sorted.add(interval);
            }
        }
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>(sorted.size());
        for (Interval next : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start.isAfter(last.end)) {
                if (next.end.isAfter(last.end)) {
                    merged.set(merged.size() - 1, new Interval(last.start, next.end));
                }
            } else {
                merged.add(next);
            }
        }
        return merged;
    }
}
