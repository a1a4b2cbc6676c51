package org.servicestandards.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where jobs are kept, so every node sees the same: the store decides which node runs a job, and
 * a write by a node that no longer holds the job (it was cancelled, or taken over when this
 * node's lease ran out) changes nothing and answers false.
 */
public interface JobStore {

    /** A new job, QUEUED, or RECEIVING when its input is still to come ({@link #append}, then {@link #queue}). */
    Job create(String kind, Map<String, String> params, String startedBy, String keyId, boolean receiving, Instant now);

    /** Keeps the next chunk of a RECEIVING job's input: {@code lines} items, gzip-compressed in {@code body}. */
    void append(String id, int seq, int lines, byte[] body);

    /** A RECEIVING job whose input is all there becomes QUEUED, with its total; false when it is no longer RECEIVING. */
    boolean queue(String id, long total, Instant now);

    /** Chunk {@code seq} of a job's input, when there is one. */
    Optional<Chunk> input(String id, int seq);

    /** One chunk of a job's input. */
    record Chunk(int lines, byte[] body) {
    }

    /**
     * Takes the oldest job waiting to run, or running on a node whose lease ran out, for
     * {@code node} until {@code leaseUntil}. Of nodes asking at once, one gets each job.
     */
    Optional<Job> claim(String node, Instant now, Instant leaseUntil);

    /** Saves how far the job got and renews its lease; false when {@code node} no longer holds it. */
    boolean progress(String id, String node, String cursor, long done, Long total, Map<String, Object> result, Instant now,
                     Instant leaseUntil);

    /** Renews the lease alone; false when {@code node} no longer holds the job. */
    boolean renew(String id, String node, Instant now, Instant leaseUntil);

    /** Ends a job {@code node} holds as {@code state} (SUCCEEDED or FAILED); false when it no longer holds it. */
    boolean finish(String id, String node, JobState state, Map<String, Object> result, String error, Instant now);

    /** Lets another node take the job up at once (this node stops). */
    void release(String id, String node);

    /** Cancels a job that has not ended, in {@code by}'s name; the job as it is now, when there is one. */
    Optional<Job> cancel(String id, String by, Instant now);

    /** Ends a RECEIVING job as FAILED, for {@code error} (its input was refused); false when it was not RECEIVING. */
    boolean refuse(String id, String error, Instant now);

    /** Ends, as FAILED, imports whose input stopped arriving before {@code before}. How many. */
    int abandonReceiving(Instant before, Instant now);

    Optional<Job> find(String id);

    /** The newest jobs first, before {@code beforeId} when given; of {@code keyId} alone when given. */
    List<Job> list(String keyId, String beforeId, int limit);
}
