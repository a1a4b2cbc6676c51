package org.servicestandards.jobs;

/** Where a job stands. The last three are final: a job that reached one of them never changes again. */
public enum JobState {
    /** An import whose file is still arriving: nobody runs it yet. */
    RECEIVING,
    /** Waiting for a node to take it. */
    QUEUED,
    /** A node works on it (or did, until its lease runs out and another takes it over). */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
