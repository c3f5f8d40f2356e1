package org.yiyang.ltc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The LTC domain (policy, engine, month) knows nothing of Spring, JSON or HTTP; those sit in ltc.internal. */
class LtcDomainArchitectureUnitTests {

    @Test
    void theDomainUsesNoSpringNoJacksonNoServlet() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yiyang.ltc");
        noClasses().that().resideInAPackage("org.yiyang.ltc").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml..", "jakarta.servlet..", "java.sql..")
                .check(classes);
    }
}
