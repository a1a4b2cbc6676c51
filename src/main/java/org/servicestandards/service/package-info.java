/**
 * The application: validation, judging, storing and reporting wired together, with no
 * knowledge of HTTP or of the rules engine's API.
 */
package org.servicestandards.service;
