/**
 * Persistence behind {@link org.servicestandards.store.InteractionStore}: records, revisions,
 * verdicts and outcomes in SQLite (embedded) or PostgreSQL, schema by Flyway migrations.
 */
package org.servicestandards.store;
