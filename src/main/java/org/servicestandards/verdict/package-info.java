/** Verdicts: the outcome of every standard for a record, with its findings and evidence. */
package org.servicestandards.verdict;
