package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The loaded catalogue versions of the city. */
public record ServiceCatalogues(List<ServiceCatalogue> versions) {
    public ServiceCatalogues {
        versions = List.copyOf(versions);
    }

    /** The latest version in force on the day. */
    public Optional<ServiceCatalogue> onDay(LocalDate day) {
        return versions.stream()
                .filter(c -> !day.isBefore(c.effectiveFrom()) && (c.effectiveTo() == null || !day.isAfter(c.effectiveTo())))
                .reduce((a, b) -> b.effectiveFrom().isAfter(a.effectiveFrom()) ? b : a);
    }
}
