package org.yiyang.audit;

import org.yiyang.shared.SystemUse;

/**
 * Writes audit events. {@link #record} joins the caller's transaction (or opens one): if the insert fails, the
 * caller's operation fails with it.
 */
@SystemUse("called by every module inside its own checked operation")
public interface AuditTrail {

    void record(AuditEvent event);
}
