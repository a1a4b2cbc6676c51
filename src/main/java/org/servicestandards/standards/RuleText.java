package org.servicestandards.standards;

/**
 * The text of one rule as it stands in a rule set's files, so an auditor can read the rule
 * behind a finding. A rule of a decision table is shown as the DRL its row became, with the row
 * ({@link org.servicestandards.standards.load.RuleTexts} finds it).
 */
public record RuleText(String rule, String file, int line, String text) {
}
