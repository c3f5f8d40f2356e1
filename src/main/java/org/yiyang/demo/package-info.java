/**
 * The demo city: a deterministic generator (fixed seed) of streets, communities, facilities, residents aged 60+ and
 * demo accounts, written with PostgreSQL COPY, idempotent, shown as a job. Everything it writes is marked as demo data.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "region", "person", "facility", "identity", "jobs", "audit"})
@NullMarked
package org.yiyang.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
