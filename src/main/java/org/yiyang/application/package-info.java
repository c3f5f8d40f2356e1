/**
 * One-stop applications (一站式办理) for items of the basic elderly care service list: channels and consent, the
 * materials checklist, attachments, and the legal workflow with working-day deadlines — street first check, the
 * shared care-needs assessment (reused when valid), district verification, decision with reasons and the eligibility
 * trace, the notice with the applicant's rights, and the review — ending in grants.
 */
@ApplicationModule(allowedDependencies = {"shared", "region", "person", "assessment", "eligibility", "audit"})
@NullMarked
package org.yiyang.application;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
