package org.servicestandards.report;

import java.time.Instant;
import java.util.List;

/** What reports read from the stored outcomes: compliance counts, violations, and outcomes falling due. */
public interface ReportQueries extends ComplianceComparison.Counts {

    /** Outcomes of the period {@code filters} cover, counted by group; a PENDING outcome whose deadline passed by {@code asOf} counts as FAIL. */
    @Override
    ComplianceReport compliance(Filters filters, List<GroupBy> groupBy, Instant asOf);

    /** The FAIL outcomes' findings, page {@code page} (from 1) of {@code size}, with their total: the earlier pages are counted off. */
    Page<Violation> violations(Filters filters, int page, int size);

    /** The FAIL outcomes' findings, the {@code size} after {@code after} (from the first when null), each page read from the index alike. */
    Page<Violation> violationsAfter(Filters filters, ViolationCursor after, int size);

    /** Current PENDING outcomes falling due at or before {@code until}, soonest first. */
    List<AtRisk> atRisk(Instant asOf, Instant until, int limit);
}
