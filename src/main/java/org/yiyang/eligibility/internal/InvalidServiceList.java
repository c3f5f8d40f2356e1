package org.yiyang.eligibility.internal;

import java.util.List;

/** A service-list document that cannot be used, with every fault (path and reason). */
final class InvalidServiceList extends IllegalStateException {
    private final List<String> faults;

    InvalidServiceList(String source, List<String> faults) {
        super("service list " + source + " cannot be used: " + String.join("; ", faults));
        this.faults = List.copyOf(faults);
    }

    List<String> faults() {
        return faults;
    }
}
