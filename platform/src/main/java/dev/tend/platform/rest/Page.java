package dev.tend.platform.rest;

import java.util.List;

/** One page of a list; {@code total} counts every match, so callers can tell how many pages there are. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
