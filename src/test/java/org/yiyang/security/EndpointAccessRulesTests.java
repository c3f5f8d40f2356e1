package org.yiyang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yiyang.testsupport.IntegrationTest;

/** Deny by default, checked at build time: every Yiyang endpoint declares its access rule with {@code @PreAuthorize}. */
@IntegrationTest
class EndpointAccessRulesTests {
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointDeclaresItsAccessRule() {
        List<String> undeclared = new ArrayList<>();
        int checked = 0;
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            var handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.yiyang")) {
                continue;
            }
            checked++;
            boolean declared = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
            if (!declared) {
                undeclared.add(handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName() + " "
                        + entry.getKey());
            }
        }
        assertThat(checked).as("endpoints found").isGreaterThan(10);
        assertThat(undeclared).as("endpoints without @PreAuthorize").isEmpty();
    }
}
