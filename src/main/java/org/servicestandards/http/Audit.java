package org.servicestandards.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicestandards.access.ApiKey;
import org.servicestandards.access.AuditEntry;
import org.servicestandards.access.AuditLog;
import org.servicestandards.json.Json;

/** Writes what a caller did to the audit log, in the caller's name, and serves the log to admins. */
final class Audit {

    static final int MAX_LIMIT = 1000;
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final AuditLog log;

    Audit(AuditLog log) {
        this.log = log;
    }

    /** Appends an entry in the name of the key that called. */
    void record(Context ctx, String action, String target, Map<String, Object> detail) {
        String actor = Access.caller(ctx).map(ApiKey::actor).orElse("anonymous");
        Map<String, Object> full = new LinkedHashMap<>(detail);
        full.put("request", ctx.method().name() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        log.append(actor, action, target, full);
    }

    /** Appends an entry whose detail is the answer {@code body}: the log keeps what the caller was told. */
    void record(Context ctx, String action, String target, Record body) {
        record(ctx, action, target, Json.mapper().convertValue(body, DETAIL));
    }

    /**
     * Sends a CSV export as a download named {@code name} (made safe for a file name), and logs
     * it: every export is in the audit log. A HEAD answer carries no body, so nothing left the
     * service and nothing is logged.
     */
    void export(Context ctx, String report, String name, String csv) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        if (ctx.method() != HandlerType.HEAD) {
            record(ctx, "export", safe, Map.of("report", report, "bytes", csv.length()));
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
        ctx.result(csv);
    }

    /** GET /api/v1/audit-log: {@code after} (the last seq seen), {@code limit}, {@code action}. */
    void read(Context ctx) {
        long after = Params.integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", 100, 1, MAX_LIMIT);
        String action = Params.text(ctx, "action", java.util.Set.of());
        java.util.List<AuditEntry> entries = log.read(after, limit, action);
        if (Params.format(ctx).equals("csv")) {
            export(ctx, "audit-log", "audit-log" + (action == null ? "" : "_action-" + action) + "_after-" + after,
                    org.servicestandards.report.CsvExport.audit(entries.stream().map(e -> java.util.Arrays.<Object>asList(e.seq(),
                            e.at().toString(), e.actor(), e.action(), e.target(), Json.mapper()
                                    .valueToTree(e.detail()).toString())).toList()));
            return;
        }
        ctx.json(Responses.AuditPage.of(entries, limit));
    }
}
