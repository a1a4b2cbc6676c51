/**
 * The application: validation, judging, storing and reporting wired together, and the rule set
 * in service kept current (reloaded on request or when its files change), with no knowledge of
 * HTTP or of the rules engine's API.
 */
package org.servicestandards.service;
