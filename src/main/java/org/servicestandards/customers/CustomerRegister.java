package org.servicestandards.customers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.servicestandards.interaction.Tier;

/**
 * The register of customers and the tiers they have held. The tier each stored record carries is
 * noted by the record store, in the transaction that stores the record.
 */
public interface CustomerRegister {

    /**
     * Registers or updates a customer: a tier different from the one held at {@code since}
     * starts a new period there; name and account manager replace the stored ones when given.
     */
    RegisteredCustomer put(String id, Tier tier, Instant since, String name, String accountManager);

    Optional<RegisteredCustomer> find(String id);
}
