/**
 * What a candidate rule set would do to the work already judged, before it serves: the stored
 * records of a period judged again by the candidate without storing anything, counted beside
 * their current verdicts, standard by standard, with the outcomes that would flip.
 */
package org.servicestandards.impact;
