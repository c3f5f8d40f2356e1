/**
 * The unified care-needs assessment (老年人能力评估): instruments as versioned data (GB/T 42195-2022, the 2021 LTC
 * disability scale), server-side scoring and levels, the two-assessor workflow, and the one current result per person
 * that every programme reads through {@link org.yiyang.assessment.CareNeeds}.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "region", "person", "facility", "identity", "audit"})
@NullMarked
package org.yiyang.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
