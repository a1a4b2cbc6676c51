package org.servicestandards.rulesets;

/** What asked for a rule set to be loaded. */
public enum LoadTrigger {
    /** The service starting. */
    START,
    /** The rules directory changed on disk. */
    WATCH,
    /** Someone asked for it (POST /api/v1/rules/reload). */
    REQUEST,
    /** Another node, or the publish command, made it the cluster's version. */
    CLUSTER,
    /** Files uploaded (POST /api/v1/rules/publish) or published by the publish command. */
    PUBLISH,
    /** An explicit request to serve a version that has served before (POST /api/v1/rules/rollback). */
    ROLLBACK;

    /** Whether this load reads the node's own rules directory. */
    boolean readsDirectory() {
        return this == START || this == WATCH || this == REQUEST;
    }

    /** Whether a load recorded with {@code trigger} read a node's directory (one not known here counts as such). */
    static boolean readsDirectory(String trigger) {
        for (LoadTrigger known : values()) {
            if (known.name().equals(trigger)) {
                return known.readsDirectory();
            }
        }
        return true;
    }
}
