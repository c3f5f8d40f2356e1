package org.yiyang.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of an application service (or a whole module API interface) that takes no {@link Actor}
 * because it is called by the system itself (jobs, other modules' checks, start-up), never directly for a user. The
 * reason says why that is safe. Every other public service method takes an {@code Actor} and checks it; a build test
 * holds both rules.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SystemUse {
    String value();
}
