package org.servicestandards.access;

import java.util.Locale;

/**
 * What a key may do. {@code ingest} posts records and customers and checks records;
 * {@code auditor} reads records, reports, violations and the dashboard; {@code officer}
 * validates and reloads rules, and everything an auditor may; {@code admin} everything,
 * {@code /metrics} and the audit log included.
 */
public enum Role {
    INGEST,
    AUDITOR,
    OFFICER,
    ADMIN;

    /** Whether a key with this role may do what {@code required} may. */
    public boolean grants(Role required) {
        return this == required || this == ADMIN || (this == OFFICER && required == AUDITOR);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A role by its name, any case: ingest, auditor, officer, admin. */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "'; use ingest, auditor, officer or admin", e);
        }
    }
}
