package org.servicestandards.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.records.RecordResult;
import org.servicestandards.records.StandardsService;

/** Records in (check, ingest) and out (one record with its revisions and verdicts). */
final class InteractionsController {

    private final StandardsService service;
    private final HttpSettings settings;
    private final Clock clock;

    InteractionsController(StandardsService service, HttpSettings settings, Clock clock) {
        this.service = service;
        this.settings = settings;
        this.clock = clock;
    }

    void check(Context ctx) {
        Instant asOf = Params.instant(ctx, "asOf", clock.instant());
        Batch records = Bodies.read(ctx, settings.maxBatchRecords());
        respond(ctx, records.single(), service.check(records, asOf));
    }

    void ingest(Context ctx) {
        Instant asOf = Params.instant(ctx, "asOf", clock.instant());
        Batch records = Bodies.read(ctx, settings.maxBatchRecords());
        respond(ctx, records.single(), service.ingest(records, asOf));
    }

    void get(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(service.find(id).orElseThrow(() -> Problem.notFound("no interaction with id '" + id + "' is stored")));
    }

    private static void respond(Context ctx, boolean single, List<RecordResult> explained) {
        if (single) {
            RecordResult result = explained.get(0);
            if (result.isRejected()) {
                throw invalid(result.errors());
            }
            if (result.status() == RecordResult.Status.CREATED || result.status() == RecordResult.Status.REVISED) {
                ctx.status(201).header("Location", "/api/v1/interactions/" + result.id());
            }
            ctx.header("X-Record-Status", result.status().name());
            ctx.json(result.verdict());
            return;
        }
        ctx.json(Responses.Batch.of(explained));
    }

    static Problem invalid(List<FieldError> errors) {
        return Problem.invalid("invalid-record", "Invalid interaction record", "the record", errors);
    }
}
