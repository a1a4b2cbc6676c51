/**
 * The rules engine: the only package that speaks Drools. Loads the officers' rule files,
 * compiles them once per version, and judges records with a fresh session per evaluation.
 */
package org.servicestandards.standards;

