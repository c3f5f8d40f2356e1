/**
 * Users, roles and jurisdictions; login for pages and bearer tokens for the API; the {@link org.yiyang.shared.Actor}
 * of each request. Deny by default: anything not explicitly open needs an authenticated user.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "region", "audit"})
@NullMarked
package org.yiyang.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
