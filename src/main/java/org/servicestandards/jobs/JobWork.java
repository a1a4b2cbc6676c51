package org.servicestandards.jobs;

/**
 * What a kind of job does (the runner is given each kind's work by name: {@code import}, say). It works in steps, and after each saves where it stands through
 * {@link Progress#checkpoint}: a node that takes the job over (the first one died, or stopped)
 * starts from the last checkpoint, so a step must be safe to do twice.
 */
@FunctionalInterface
public interface JobWork {

    /**
     * Does the job, from where {@code progress} says it stands; returns normally when it is done
     * or when a checkpoint answered that it is to stop. What it throws fails the job, with the
     * exception's message.
     */
    void run(Job job, Progress progress) throws Exception;

    /** Where a job stands, saved as it goes. */
    interface Progress {

        /** Where an earlier run stopped: "" when none did. */
        String cursor();

        /** How many items the earlier runs did. */
        long done();

        /**
         * Saves how far the job got. False when it is to stop: it was cancelled, or this node no
         * longer holds it (another took it over). {@code total} may be null while unknown;
         * {@code result} is what the job shows of itself so far (rejected lines, say).
         */
        boolean checkpoint(String cursor, long done, Long total, java.util.Map<String, Object> result);

        /** Whether the job is still this node's to run: false once cancelled or taken over. */
        boolean holding();
    }
}
