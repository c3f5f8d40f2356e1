package org.yiyang.audit;

/**
 * Writes audit events. {@link #record} joins the caller's transaction (or opens one): if the insert fails, the
 * caller's operation fails with it.
 */
public interface AuditTrail {

    void record(AuditEvent event);
}
