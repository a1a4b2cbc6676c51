/** Prometheus metrics of the service, wired by hand with Micrometer. */
package org.servicestandards.metrics;
