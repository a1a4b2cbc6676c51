/**
 * The rules engine, with {@code standards.load}, the only packages that speak Drools: a compiled
 * {@link org.servicestandards.standards.RuleSet}, judging records and customers' histories with
 * pooled sessions, and the one law that turns what the rules concluded into outcomes. Loading
 * and verifying the officers' files is {@code standards.load}'s.
 */
package org.servicestandards.standards;
