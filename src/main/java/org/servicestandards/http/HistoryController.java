package org.servicestandards.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.servicestandards.history.HistoryPage;
import org.servicestandards.history.HistoryQuery;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.CsvExport;
import org.servicestandards.standards.StandardScope;
import org.servicestandards.verdict.Outcome;

/** The history standards judged as of a date, and the sweep that keeps their outcomes for reports. */
final class HistoryController {

    static final int MAX_LIMIT = 1000;

    private final StandardsService service;
    private final Clock clock;

    private final Audit audit;

    HistoryController(StandardsService service, Clock clock, Audit audit) {
        this.service = service;
        this.clock = clock;
        this.audit = audit;
    }

    void list(Context ctx) {
        HistoryStandards history = history();
        Set<String> standards = service.ruleSets().current().standards(StandardScope.HISTORY).stream()
                .map(s -> s.id()).collect(Collectors.toSet());
        HistoryQuery query = new HistoryQuery(
                Params.instant(ctx, "asOf", clock.instant()),
                Params.text(ctx, "customer", Set.of()),
                Params.text(ctx, "standard", standards),
                Params.text(ctx, "outcome", Set.of(Outcome.PASS.name(), Outcome.FAIL.name(), Outcome.PENDING.name())),
                Params.text(ctx, "accountManager", Set.of()),
                Params.text(ctx, "after", Set.of()),
                Params.integer(ctx, "limit", 100, 1, MAX_LIMIT));
        HistoryPage page = history.page(query);
        if (query.customer() != null && page.customers() == 0) {
            throw Problem.notFound("no customer '" + query.customer() + "'"
                    + (query.accountManager() == null ? "" : " of account manager '" + query.accountManager() + "'")
                    + " in the register");
        }
        if (Params.format(ctx).equals("csv")) {
            StringBuilder name = new StringBuilder("history-standards");
            for (String[] filter : new String[][] {{"customer", query.customer()}, {"standard", query.standard()},
                    {"outcome", query.outcome()}, {"accountManager", query.accountManager()}, {"after", query.after()}}) {
                if (filter[1] != null) {
                    name.append('_').append(filter[0]).append('-').append(filter[1]);
                }
            }
            audit.export(ctx, "history-standards", name.append("_as-of_").append(page.asOf()).toString(),
                    CsvExport.history(page.items()));
            return;
        }
        ctx.json(page);
    }

    private HistoryStandards history() {
        return service.history();
    }
}
