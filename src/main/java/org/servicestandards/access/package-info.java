/** Who may do what: API keys and their roles, the rate limit per key, and the audit log of what was done. */
package org.servicestandards.access;
