package org.servicestandards.cli;

/** Keeps {@code serve} running until the process is stopped. */
final class Awaiting {

    private Awaiting() {
    }

    static int forever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
