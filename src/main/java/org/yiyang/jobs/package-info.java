/**
 * Jobs: long-running work with visible progress (demo generation, imports, later settlements and eligibility runs).
 * A job has a key (e.g. the hash of an imported file) so a rerun can be recognised; each rejected row is kept with
 * its reason code.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.yiyang.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
