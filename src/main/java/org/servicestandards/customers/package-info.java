/** The customer register: who each customer is, their tier and account manager, kept current by ingest. */
package org.servicestandards.customers;
