package org.servicestandards.customers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;

/** The register of customers and the tiers they have held. */
public interface CustomerRegister {

    /**
     * Registers or updates a customer: a tier different from the one held at {@code since}
     * starts a new period there; name and account manager replace the stored ones when given.
     */
    RegisteredCustomer put(String id, Tier tier, Instant since, String name, String accountManager);

    /**
     * Takes note of the tier each record carries: a customer not yet registered is registered
     * with it from the record's opening; a later record with another tier starts a new period.
     */
    void noteTiers(List<Interaction> records);

    Optional<RegisteredCustomer> find(String id);
}
