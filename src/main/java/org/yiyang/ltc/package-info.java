/**
 * Long-term care insurance (长期护理保险, 穗医保规字〔2024〕1号): the versioned policy record, the pure settlement
 * engine for one beneficiary-month, and the stateless calculator that applies the same engine to a month given inline;
 * insured status, beneficiaries, care plans, providers' service records validated line by line, and monthly settlement
 * runs per district that build the same month from those records. The domain types here know nothing of Spring, JSON
 * or HTTP; loading, storage and the web sit in {@code internal}.
 */
@ApplicationModule(allowedDependencies = {"shared", "region", "person", "jobs", "audit", "platform",
        "assessment"})
@NullMarked
package org.yiyang.ltc;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
