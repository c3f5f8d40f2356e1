/**
 * The basic elderly care service list (基本养老服务清单) as versioned data, and eligibility: target-group rules written
 * in a subset of Google's CEL, evaluated for one person with a trace of every clause, and compiled to SQL for the
 * whole population from the same rule. Facts come from the registry (person), the shared assessment result
 * (assessment) and the LTC insured status (ltc).
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "region", "person", "assessment", "audit"})
@NullMarked
package org.yiyang.eligibility;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
