package com.salesops.packets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The feature packages form a pipeline: no cycles between them, and the maths stays free of Spring and SQL. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.salesops.packets");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.salesops.packets.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theMathsUsesNeitherSpringNorJdbc() {
        noClasses().that().resideInAnyPackage("com.salesops.packets.calendar..")
                .or().haveSimpleNameEndingWith("Calculator").or().haveSimpleName("Crediting")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }
}
