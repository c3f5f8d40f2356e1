package org.yiyang.shared;

/** Roles a user can hold. Access is deny-by-default: an endpoint names the roles it admits. */
public enum Role {
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDIT_ADMIN,
    /** 市民政局 officer: the whole city. */
    CITY_OFFICER,
    /** 区民政局 officer: one district. */
    DISTRICT_OFFICER,
    /** 街镇 worker: one street or town. */
    STREET_WORKER,
    /** 评估员 of a third-party assessment agency. */
    ASSESSOR,
    /** Staff of a provider (颐康中心, institution, canteen …), scoped to that provider. */
    PROVIDER_STAFF,
    /** 医保局 / 长护险经办 officer. */
    LTC_OFFICER,
    /** 平安通 / 24h call centre operator. */
    MONITOR_OPERATOR,
    /** Read-only access to the audit trail. */
    AUDITOR,
    /** An elder, a family member or an agent. */
    CITIZEN
}
