/** What background jobs share: daemon threads and the record of each job's runs, for metrics. */
package org.servicestandards.jobs;
