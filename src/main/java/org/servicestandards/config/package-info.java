/** Settings, read once at start into immutable objects. */
package org.servicestandards.config;
