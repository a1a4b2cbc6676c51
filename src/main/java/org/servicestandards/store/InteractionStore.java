package org.servicestandards.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.servicestandards.report.AtRisk;
import org.servicestandards.report.ComplianceReport;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.report.Page;
import org.servicestandards.report.Violation;
import org.servicestandards.verdict.Verdict;

/** Where records, their revisions and verdicts are kept, and what reports read. */
public interface InteractionStore {

    /**
     * Stores submissions in one transaction, in order, committed before this returns. A
     * submission whose content equals the id's latest revision changes nothing and gets the
     * stored verdict back; otherwise it becomes the id's next revision.
     */
    List<Stored> save(List<Submission> submissions);

    Optional<StoredRecord> find(String id);

    /** The latest verdict of the id's latest revision. */
    Optional<Verdict> currentVerdict(String id);

    ComplianceReport compliance(Filters filters, List<GroupBy> groupBy);

    Page<Violation> violations(Filters filters, int page, int size);

    /** Current PENDING outcomes falling due at or before {@code until}, soonest first. */
    List<AtRisk> atRisk(Instant asOf, Instant until, int limit);
}
