package org.servicestandards.standards.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.servicestandards.interaction.Interaction;

/** Derived: how many applicable items were assessed and how many of those were kept. */
public record Score(Interaction interaction, String standard, int kept, int assessed) {

    /** Kept as a percentage of assessed, to one decimal place. */
    public BigDecimal percent() {
        BigDecimal percent = BigDecimal.valueOf(kept * 100L).divide(BigDecimal.valueOf(assessed), 1, RoundingMode.HALF_UP);
        return percent.signum() == 0 || percent.stripTrailingZeros().scale() <= 0 ? percent.setScale(0, RoundingMode.UNNECESSARY)
                : percent;
    }

    /** The percentage unrounded (to 12 places), so 79.96 is below a pass mark of 80 though it prints as 80. */
    public BigDecimal percentExact() {
        return BigDecimal.valueOf(kept * 100L).divide(BigDecimal.valueOf(assessed), 12, RoundingMode.DOWN);
    }
}
