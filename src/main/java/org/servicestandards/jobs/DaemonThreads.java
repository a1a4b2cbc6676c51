package org.servicestandards.jobs;

import java.util.concurrent.ThreadFactory;

/** Threads of background work, named for thread dumps, that never keep the JVM from exiting. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
