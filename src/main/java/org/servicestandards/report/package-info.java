/** Compliance reports, violation lists and their exports: plain Java over stored outcomes. */
package org.servicestandards.report;
