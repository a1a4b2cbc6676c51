package org.servicestandards.report;

import java.util.List;

/** One page of a longer list: {@code page} counts from 1. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
}
