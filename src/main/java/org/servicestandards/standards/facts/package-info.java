/**
 * The vocabulary rules are written in: targets and checklist items derived from the officers'
 * tables, and the facts rules conclude (applicable, breach, pending, score). Plain Java.
 */
package org.servicestandards.standards.facts;

