package org.servicestandards.http;

import io.javalin.http.Context;
import java.time.Clock;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.interaction.RecordDecoder;
import org.servicestandards.records.StandardsService;

/** The customer register: tiers held over time, names and account managers. */
final class CustomersController {

    private final StandardsService service;
    private final Clock clock;

    CustomersController(StandardsService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    void put(Context ctx) {
        String id = id(ctx);
        CustomerUpdate.Decoded decoded = CustomerUpdate.decode(Bodies.json(ctx));
        if (!decoded.errors().isEmpty()) {
            throw InteractionsController.invalid(decoded.errors());
        }
        ctx.json(service.putCustomer(id, decoded.update(), clock.instant()));
    }

    void get(Context ctx) {
        String id = id(ctx);
        ctx.json(service.customer(id).orElseThrow(() -> Problem.notFound("no customer with id '" + id + "' is registered")));
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > RecordDecoder.MAX_ID_LENGTH) {
            throw Problem.badParameter("id", "a customer id is 1-" + RecordDecoder.MAX_ID_LENGTH + " characters");
        }
        return id;
    }
}
