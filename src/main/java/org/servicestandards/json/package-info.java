/** The JSON configuration every part of the service reads and writes with. */
package org.servicestandards.json;
