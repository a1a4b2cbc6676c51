/**
 * The one object graph: {@link org.servicestandards.app.Application} builds the whole service
 * from one immutable {@link org.servicestandards.app.ApplicationConfig}. {@code serve},
 * {@code check}, {@code validate}, {@code keys}, the API tests and the benchmarks all start this
 * graph, with different configurations; nothing else wires the store to the concepts.
 */
package org.servicestandards.app;

