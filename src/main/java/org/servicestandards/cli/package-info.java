/** Command-line entry points: serve, check, validate. */
package org.servicestandards.cli;

