/**
 * The interaction record as source systems post it, and its validation at the edge. Knows
 * nothing of rules, storage or HTTP.
 */
package org.servicestandards.interaction;

