package org.yiyang.shared;

/**
 * The access rules endpoints declare, as Spring Security expressions for {@code @PreAuthorize}. Every handler method
 * names one (a build test fails otherwise); finer scoping (jurisdiction, provider) happens in the query itself.
 */
public final class Access {
    /** Open to anyone: login, first setup, the token endpoint. */
    public static final String PUBLIC = "permitAll()";
    /** Any signed-in user: reference data (regions, facilities), one's own account. */
    public static final String SIGNED_IN = "isAuthenticated()";
    /** Business staff of the bureau, streets, assessment agencies, providers, the LTC office and the call centre. */
    public static final String STAFF = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER','ASSESSOR',"
            + "'PROVIDER_STAFF','LTC_OFFICER','MONITOR_OPERATOR')";
    /** Staff who work with residents' records, each within their jurisdiction. */
    public static final String RESIDENT_RECORDS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER',"
            + "'ASSESSOR','PROVIDER_STAFF','LTC_OFFICER','MONITOR_OPERATOR')";
    /** Reading resident records: case workers in their jurisdiction, provider staff for the people they serve. */
    public static final String RESIDENT_READERS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER',"
            + "'PROVIDER_STAFF')";
    /** Staff who register residents and import rosters. */
    public static final String RESIDENT_REGISTRARS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER')";
    /** One-stop applications: street workers take them and check them first, districts verify and decide. */
    public static final String APPLICATIONS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER')";
    /** The monthly service account of a person (ledger, adjustments): the bureau and street staff. */
    public static final String SERVICE_ACCOUNTS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER')";
    /** Recording services on a person's service account (记账): providers' staff, scoped by their provider. */
    public static final String SERVICE_ACCOUNT_CHARGES = "hasRole('PROVIDER_STAFF')";
    /** The city bureau's own decisions: the service list versions (submit, dry run, activate). */
    public static final String CITY_OFFICERS = "hasRole('CITY_OFFICER')";
    /** The LTC calculator: the LTC office, providers' staff and the staff who help families with it. */
    public static final String LTC = "hasAnyRole('LTC_OFFICER','PROVIDER_STAFF','CITY_OFFICER','DISTRICT_OFFICER',"
            + "'STREET_WORKER')";
    /** The LTC office (医保局 / 长护险经办): designations and, later, settlement runs. */
    public static final String LTC_OFFICERS = "hasRole('LTC_OFFICER')";
    /** Jobs: staff and the system administrator. */
    public static final String JOBS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER','ASSESSOR',"
            + "'PROVIDER_STAFF','LTC_OFFICER','MONITOR_OPERATOR','SYSTEM_ADMIN')";
    /** Care-needs assessment: assessors, and the bureau and street staff who request and follow assessments. */
    public static final String ASSESSMENT = "hasAnyRole('ASSESSOR','CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER')";
    /** Assessment work only assessors do: drafting, submitting, signing, overriding. */
    public static final String ASSESSOR = "hasRole('ASSESSOR')";
    /** Requesting and assigning assessments: the bureau and street staff. */
    public static final String ASSESSMENT_REQUESTERS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER','STREET_WORKER')";
    /** Keeping the register of assessment agencies and their assessors: the city and district bureaus. */
    public static final String ASSESSMENT_AGENCY_KEEPERS = "hasAnyRole('CITY_OFFICER','DISTRICT_OFFICER')";
    /** An elder, a family member or an agent: their own page, scoped in SQL to themselves and who authorised them. */
    public static final String CITIZEN = "hasRole('CITIZEN')";
    /** Registering citizen accounts and recording the authorities persons give them, within the jurisdiction. */
    public static final String CITIZEN_REGISTRARS = "hasAnyRole('DISTRICT_OFFICER','STREET_WORKER')";
    /** The audit trail: the audit administrator and read-only auditors. */
    public static final String AUDIT = "hasAnyRole('AUDIT_ADMIN','AUDITOR')";
    public static final String AUDIT_ADMIN = "hasRole('AUDIT_ADMIN')";
    public static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";

    private Access() {
    }
}
