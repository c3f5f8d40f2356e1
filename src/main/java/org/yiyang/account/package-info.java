/**
 * The monthly service account of the community home-care service subsidy (服务资助账户, 穗民规字〔2022〕8号 第二十六–
 * 二十八条): a ledger per person and month credited on the credit day from the grants in force, spent only on services
 * that providers record on account (记账), never carried over, adjusted from the month after a change of tags or care
 * level, with the overpayment after a death recovered; the automatic check that a service is not paid twice (LTC and
 * the account). Reads the grants, the registry and LTC's accepted services through their published SQL views.
 */
@ApplicationModule(allowedDependencies = {"shared", "person", "eligibility", "assessment", "jobs", "audit"})
@NullMarked
package org.yiyang.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
