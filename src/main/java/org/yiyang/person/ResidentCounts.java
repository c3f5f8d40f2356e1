package org.yiyang.person;

/** Counts over the resident registry that need no personal data (demo generation, progress, dashboards). */
public interface ResidentCounts {

    /** How many residents are marked as demo data. */
    long countDemo();
}
