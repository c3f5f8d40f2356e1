package org.yiyang.person;

import org.yiyang.shared.SystemUse;

/** Counts over the resident registry that need no personal data (demo generation, progress, dashboards). */
@SystemUse("counts for the demo generator's resume")
public interface ResidentCounts {

    /** How many residents are marked as demo data. */
    long countDemo();
}
