/**
 * The resident registry (居民): validated ID numbers (GB 11643), encrypted personal data with blind indexes,
 * hukou and residence regions, living arrangement, income and dated tags; duplicate detection; search; bulk import.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "region", "jobs", "audit"})
@NullMarked
package org.yiyang.person;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
