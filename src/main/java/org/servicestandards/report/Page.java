package org.servicestandards.report;

import java.util.List;

/**
 * One page of a longer list, asked for by number ({@code page} counts from 1, and {@code total}
 * says how many there are in all) or after a cursor ({@code page} and {@code total} null).
 * {@code next} is the cursor of the page after this one, null on the last.
 */
public record Page<T>(List<T> items, Integer page, int size, Long total, String next) {

    public static final int MAX_SIZE = 500;

    public Page {
        items = List.copyOf(items);
    }
}
