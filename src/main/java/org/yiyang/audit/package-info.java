/**
 * The audit trail: append-only events written in the same transaction as the business change (if the audit write
 * fails, the operation fails), sealed into a hash chain shortly after commit, verifiable, searchable by the audit
 * administrator and auditors (and every such search is itself audited). Events hold ids and codes, never the
 * sensitive values.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.yiyang.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
