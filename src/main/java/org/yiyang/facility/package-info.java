/**
 * Providers (服务主体, with a unified social credit code) and their facilities: district centres, 颐康中心, 颐康服务站,
 * institutions, elder canteens, nursing stations and home-care bases, with location, beds and services.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "region"})
@NullMarked
package org.yiyang.facility;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
