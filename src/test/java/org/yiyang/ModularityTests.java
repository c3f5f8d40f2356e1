package org.yiyang;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold (no cycles, no use of internals, only declared dependencies); diagrams stay current. */
class ModularityTests {
    static final ApplicationModules modules = ApplicationModules.of(YiyangApplication.class);

    @Test
    void keepsToDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(modules, "docs/modules").writeDocumentation();
    }
}
