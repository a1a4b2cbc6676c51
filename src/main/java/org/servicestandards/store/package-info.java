/**
 * The JDBC implementations of the interfaces the concepts own (records, history, customers,
 * webhooks, keys, audit, rule-set archive), on SQLite (embedded) or PostgreSQL, schema by Flyway
 * migrations. Only the application factory imports this package.
 */
package org.servicestandards.store;

