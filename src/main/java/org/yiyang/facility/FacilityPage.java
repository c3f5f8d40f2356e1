package org.yiyang.facility;

import java.util.List;

/** One page of facilities; {@code page} counts from 0, {@code total} is the count over all pages. */
public record FacilityPage(List<Facility> items, int page, int size, long total) {

    public FacilityPage {
        items = List.copyOf(items);
    }
}
