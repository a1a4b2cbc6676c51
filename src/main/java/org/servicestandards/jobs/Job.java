package org.servicestandards.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A long piece of work, as the store keeps it: what kind and with which parameters, who started
 * it, where it stands ({@code done} of {@code total}, the {@code cursor} it goes on from), which
 * node runs it, and how it ended.
 *
 * @param runs how many times a node has taken it up: more than one when a node died or stopped
 *             mid-way and another went on
 */
public record Job(String id, String kind, JobState state, Map<String, String> params, String startedBy, String keyId,
                  Instant createdAt, Instant startedAt, Instant updatedAt, Instant finishedAt, long done, Long total,
                  String cursor, String node, int runs, Map<String, Object> result, String error, String cancelledBy) {

    public Job {
        params = Map.copyOf(params);
        result = Map.copyOf(result);
    }

    /**
     * Items a second since it started (or until it ended); empty before a node took it up or
     * before a whole second has run.
     */
    public Optional<Double> rate(Instant now) {
        if (startedAt == null) {
            return Optional.empty();
        }
        Instant until = finishedAt != null ? finishedAt : now;
        double seconds = Duration.between(startedAt, until).toMillis() / 1000.0;
        return seconds < 1 ? Optional.empty() : Optional.of(done / seconds);
    }

    /** When it should end at the rate so far; empty when ended, or without a total or a rate. */
    public Optional<Instant> estimatedEnd(Instant now) {
        if (state.ended() || total == null) {
            return Optional.empty();
        }
        return rate(now).filter(rate -> rate > 0)
                .map(rate -> now.plusMillis((long) (Math.max(0, total - done) / rate * 1000)));
    }
}
