package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yiyang.shared.SystemUse;

/**
 * The catalogue versions of the city: the shipped files and the versions imported by the LTC office. On a day the
 * version in force is an official one if any is in force, else a sample; among those, the one effective latest. So an
 * imported official catalogue replaces the SAMPLE from its effective date without a code change.
 */
public final class ServiceCatalogues {
    private static final Comparator<ServiceCatalogue> PRECEDENCE = Comparator
            .comparing(ServiceCatalogue::isOfficial).thenComparing(ServiceCatalogue::effectiveFrom);

    private volatile List<ServiceCatalogue> versions;

    public ServiceCatalogues(List<ServiceCatalogue> versions) {
        this.versions = List.copyOf(versions);
    }

    public List<ServiceCatalogue> versions() {
        return versions;
    }

    /** The version in force on the day: official before sample, then the latest effective. */
    public Optional<ServiceCatalogue> onDay(LocalDate day) {
        return versions.stream()
                .filter(c -> !day.isBefore(c.effectiveFrom()) && (c.effectiveTo() == null || !day.isAfter(c.effectiveTo())))
                .max(PRECEDENCE);
    }

    public Optional<ServiceCatalogue> byId(String id) {
        return versions.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Adds a version (an import once stored, or a stored one at start-up); its id must be new. */
    @SystemUse("called by the catalogue import after the officer's import is checked and stored, and at start-up")
    public synchronized void add(ServiceCatalogue version) {
        if (byId(version.id()).isPresent()) {
            throw new IllegalStateException("catalogue version " + version.id() + " is already loaded");
        }
        List<ServiceCatalogue> next = new ArrayList<>(versions);
        next.add(version);
        versions = List.copyOf(next);
    }
}
