/**
 * Interaction records, from a decoded batch to a stored verdict: ingest, check without storing,
 * judging again (re-evaluation, deadlines that have passed), and the store interface the
 * records are kept behind.
 */
package org.servicestandards.records;

