/**
 * Long-term care insurance (长期护理保险, 穗医保规字〔2024〕1号): the versioned policy record, the pure settlement
 * engine for one beneficiary-month, and the stateless calculator that applies the same engine to a month given inline.
 * Designated providers are the first persistent records. The domain types here know nothing of Spring, JSON or HTTP; loading and the web sit in {@code internal}.
 */
@ApplicationModule(allowedDependencies = {"shared", "region"})
@NullMarked
package org.yiyang.ltc;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
