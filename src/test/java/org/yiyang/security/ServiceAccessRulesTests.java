package org.yiyang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Service;
import org.yiyang.YiyangApplication;
import org.yiyang.shared.Actor;
import org.yiyang.shared.SystemUse;

/**
 * Deny by default for application services, checked at build time: every public method of a module's API service
 * (a {@code @Service} class or a public interface in a module's base package) takes the acting {@link Actor} — and so
 * decides with it — or says with {@link SystemUse} why the system alone calls it.
 */
class ServiceAccessRulesTests {
    static final ApplicationModules modules = ApplicationModules.of(YiyangApplication.class);

    @Test
    void everyPublicServiceMethodTakesAnActorOrDeclaresSystemUse() throws Exception {
        List<String> undeclared = new ArrayList<>();
        int checked = 0;
        var bases = modules.stream().map(m -> m.getBasePackage().getName()).collect(Collectors.toSet());
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yiyang");
        for (var javaClass : classes) {
            {
                if (!bases.contains(javaClass.getPackageName()) || javaClass.getName().contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(javaClass.getName());
                boolean api = type.isAnnotationPresent(Service.class)
                        || (type.isInterface() && Modifier.isPublic(type.getModifiers()) && !type.isAnnotation());
                if (!api) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isDefault()
                            && type.isInterface() && hasActor(method)) {
                        continue;
                    }
                    checked++;
                    boolean declared = hasActor(method) || method.isAnnotationPresent(SystemUse.class)
                            || type.isAnnotationPresent(SystemUse.class);
                    if (!declared) {
                        undeclared.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(checked).as("service methods found").isGreaterThan(20);
        assertThat(undeclared).as("public service methods without an Actor or @SystemUse").isEmpty();
    }

    private static boolean hasActor(Method method) {
        return Arrays.asList(method.getParameterTypes()).contains(Actor.class);
    }
}
