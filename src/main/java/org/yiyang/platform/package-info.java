/**
 * The running platform: the data directory, the embedded PostgreSQL server (or an external one), key material for
 * personal data, policy-pack loading (the working-day calendar), locale handling and the web shell.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.yiyang.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
