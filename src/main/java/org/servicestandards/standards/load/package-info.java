/**
 * Loading a rules directory into a {@link org.servicestandards.standards.RuleSet}: the files
 * (standards.csv, DRL, DSL and DSLR, decision tables, calendar), the allowlist verifier that
 * lets a rule reach only the vocabulary, compiling, the diagnostics officers read as
 * file:line:column, and the example cases every rule set must pass before it serves.
 */
package org.servicestandards.standards.load;

