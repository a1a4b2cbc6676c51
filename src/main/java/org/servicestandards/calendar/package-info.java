/**
 * Time as the standards count it: business calendars (zone, weekly hours, holidays), pauses
 * that stop the clock, and the instants targets fall due. Plain Java, used by the rules.
 */
package org.servicestandards.calendar;
