/**
 * What auditors read: compliance counted by group, compared with the period before (the trend),
 * violations, outcomes at risk, and their CSV exports; {@link org.servicestandards.report.ReportQueries}
 * is where the counts come from.
 */
package org.servicestandards.report;
