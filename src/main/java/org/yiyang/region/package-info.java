/**
 * Regions: the four-level hierarchy city → district → street/town → community/village keyed by the 12-digit
 * statistical division code, with explicit levels and ltree paths for jurisdiction checks in SQL.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform"})
@NullMarked
package org.yiyang.region;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
