package org.servicestandards.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.servicestandards.access.AuditEntry;
import org.servicestandards.notify.Webhook;
import org.servicestandards.notify.WebhookDelivery;
import org.servicestandards.records.RecordResult;
import org.servicestandards.report.AtRisk;

/**
 * Bodies that are only the wire shape of a schema in openapi.yaml, each named after it. Records
 * write their components in declaration order and leave nulls out, so the order here is the
 * order on the wire. A concept's own result that already has its schema's shape (a verdict, a
 * stored record, a page of violations, a history page) is answered as it is.
 */
final class Responses {

    private Responses() {
    }

    /** GET /health. */
    record Health(String status, String ruleset) {

        static Health up(String ruleset) {
            return new Health("UP", ruleset);
        }
    }

    /** BatchResult: how many records had each status, and what happened to each. */
    record Batch(Map<RecordResult.Status, Integer> counts, List<RecordResult> results) {

        static Batch of(List<RecordResult> results) {
            Map<RecordResult.Status, Integer> counts = new EnumMap<>(RecordResult.Status.class);
            results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
            return new Batch(counts, results);
        }
    }

    /** GET /api/v1/at-risk: what falls due within {@code within} of {@code asOf}. */
    record AtRiskList(Instant asOf, String within, List<AtRisk> items) {

        static AtRiskList of(Instant asOf, Duration within, List<AtRisk> items) {
            return new AtRiskList(asOf, within.toString(), items);
        }
    }


    /** GET /api/v1/webhooks. */
    record Webhooks(List<Webhook> items) {
    }

    /** GET /api/v1/webhooks/{id}: schema Webhook with its latest deliveries. */
    record WebhookWithDeliveries(@JsonUnwrapped Webhook webhook, List<WebhookDelivery> deliveries) {
    }

    /** GET /api/v1/audit-log: a page of entries and the {@code after} of the next page, absent on the last. */
    record AuditPage(List<AuditEntry> items, Long next) {

        static AuditPage of(List<AuditEntry> entries, int limit) {
            return new AuditPage(entries, entries.size() < limit ? null : entries.get(entries.size() - 1).seq());
        }
    }
}
