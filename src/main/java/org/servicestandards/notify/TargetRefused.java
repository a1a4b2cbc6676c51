package org.servicestandards.notify;

/**
 * A webhook target that may not be posted to; the message says why in words an officer can act
 * on, e.g. "localhost resolves to 127.0.0.1, a loopback address".
 */
public final class TargetRefused extends Exception {

    public TargetRefused(String reason) {
        super(reason, null, false, false);
    }
}
