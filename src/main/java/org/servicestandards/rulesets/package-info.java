/**
 * The rule set in service: loaded from the rules directory, reloaded on request or when its
 * files change (the watcher), every version that served kept in an archive for replay.
 */
package org.servicestandards.rulesets;

