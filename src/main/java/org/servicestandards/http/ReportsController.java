package org.servicestandards.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Tier;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.ComplianceComparison;
import org.servicestandards.report.CsvExport;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.report.Page;
import org.servicestandards.report.Violation;
import org.servicestandards.report.ViolationCursor;
import org.servicestandards.verdict.Severity;

/** What auditors read: compliance, violations with evidence, and what is about to breach. */
final class ReportsController {

    /** The longest period one report may cover. */
    static final Duration MAX_RANGE = Duration.ofDays(400);
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_WITHIN = Duration.ofDays(31);

    private final StandardsService service;
    private final Clock clock;
    private final Audit audit;

    ReportsController(StandardsService service, Clock clock, Audit audit) {
        this.service = service;
        this.clock = clock;
        this.audit = audit;
    }

    void compliance(Context ctx) {
        Filters filters = filters(ctx, false);
        List<GroupBy> groupBy = Params.groupBy(ctx);
        ComplianceComparison comparison = ComplianceComparison.of(filters, groupBy, clock.instant(), service::compliance);
        if (Params.format(ctx).equals("csv")) {
            csv(ctx, "compliance", filters, groupBy.stream().map(GroupBy::key).collect(Collectors.joining("-")),
                    CsvExport.compliance(comparison));
            return;
        }
        ctx.json(ComplianceResponse.of(comparison));
    }

    /**
     * Violations after the cursor {@code after} (the {@code next} of the page before), or by page
     * number ({@code page}, with the total), the way the first clients asked for them.
     */
    void violations(Context ctx) {
        Filters filters = filters(ctx, true);
        int size = Params.integer(ctx, "size", 50, 1, Page.MAX_SIZE);
        String after = Params.value(ctx, "after");
        Page<Violation> violations;
        String detail;
        if (Params.value(ctx, "page") != null) {
            if (after != null) {
                throw Problem.badParameter("after", "cannot go with page; give one of them");
            }
            int page = Params.integer(ctx, "page", 1, 1, 1_000_000);
            violations = service.violations(filters, page, size);
            detail = "page-" + page;
        } else {
            violations = service.violationsAfter(filters, after == null ? null : cursor(after), size);
            detail = after == null ? "page-1" : "page-after-cursor";
        }
        if (Params.format(ctx).equals("csv")) {
            csv(ctx, "violations", filters, detail, CsvExport.violations(violations.items()));
            return;
        }
        ctx.json(violations);
    }

    private static ViolationCursor cursor(String token) {
        try {
            return ViolationCursor.parse(token);
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter("after", e.getMessage());
        }
    }

    void atRisk(Context ctx) {
        Instant asOf = Params.instant(ctx, "asOf", clock.instant());
        Duration within = Params.duration(ctx, "within", Duration.ofHours(1), MAX_WITHIN);
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        List<org.servicestandards.report.AtRisk> items = service.atRisk(asOf, asOf.plus(within), limit);
        if (Params.format(ctx).equals("csv")) {
            audit.export(ctx, "at-risk", "at-risk_within-" + within + "_as-of_" + asOf, CsvExport.atRisk(items));
            return;
        }
        ctx.json(Responses.AtRiskList.of(asOf, within, items));
    }

    private Filters filters(Context ctx, boolean withSeverity) {
        Instant to = Params.instant(ctx, "to", clock.instant());
        Instant from = Params.instant(ctx, "from", to.minus(DEFAULT_RANGE));
        if (!to.isAfter(from)) {
            throw Problem.badParameter("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw Problem.badParameter("to", "a report covers at most " + MAX_RANGE.toDays() + " days; narrow from and to");
        }
        Set<String> standards = Set.copyOf(service.ruleSets().current().standards().stream().map(s -> s.id()).toList());
        return new Filters(from, to,
                Params.text(ctx, "standard", standards),
                Params.text(ctx, "agent", Set.of()),
                Params.text(ctx, "team", Set.of()),
                Params.text(ctx, "tier", names(Tier.values())),
                Params.text(ctx, "channel", names(Channel.values())),
                withSeverity ? Params.text(ctx, "severity", names(Severity.values())) : null,
                Params.text(ctx, "ruleset", Set.of()));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    /** Sends CSV with a file name that says what it holds: filters and period. */
    private void csv(Context ctx, String what, Filters filters, String detail, String body) {
        StringBuilder name = new StringBuilder(what);
        filters.given().forEach((k, v) -> name.append('_').append(k).append('-').append(v));
        if (!detail.isEmpty()) {
            name.append("_by-").append(detail);
        }
        name.append('_').append(filters.from().toString(), 0, 10).append("_to_").append(filters.to().toString(), 0, 10);
        audit.export(ctx, what, name.toString(), body);
    }
}
