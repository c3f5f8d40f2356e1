/**
 * The small shared kernel: money in fen, policy versions, the acting user, the working-day calendar,
 * personal-data protection primitives and the problem-details vocabulary. Every module may use it;
 * it uses none of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.yiyang.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
