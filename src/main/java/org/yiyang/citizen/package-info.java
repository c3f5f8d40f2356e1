/**
 * Citizens (issue #3's CITIZEN role, issue #5's elder's own page): staff register citizen accounts and record the
 * authorities persons give them (ADR 0008); an elder, a family member or an agent sees, for themselves and each
 * person they act for, the entitlements in plain language, the applications with their due dates and notices, and
 * the current care-needs level — everything selected through the person module's {@code citizen_scope} in SQL.
 */
@ApplicationModule(allowedDependencies = {"shared", "region", "audit", "identity", "person", "assessment",
        "eligibility", "application"})
@NullMarked
package org.yiyang.citizen;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
