/**
 * The history standards, judged over a customer's stored records (contact every month, follow up
 * complaints, call after a sale): on change, as deadlines pass, and in the daily sweep; the
 * store interface their outcomes are kept behind.
 */
package org.servicestandards.history;

