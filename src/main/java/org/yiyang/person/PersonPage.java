package org.yiyang.person;

import java.util.List;

/** One page of search results; {@code total} counts every match within the caller's jurisdiction. */
public record PersonPage(List<PersonView> items, int page, int size, long total) {

    public PersonPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
