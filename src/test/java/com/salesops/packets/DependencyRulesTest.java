package com.salesops.packets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies between the feature packages (docs/architecture.md, "Packages and which may use
 * which"), and
 * the rule that makes each table have one owner: only the owner classes below touch JDBC, so a
 * package that wants another's rows must call the owner's methods.
 */
class DependencyRulesTest {

    private static final String ROOT = "com.salesops.packets";

    /** The owners of the app tables (nested classes included), and the two that connect for others. */
    private static final String TABLE_OWNERS = "com\\.salesops\\.packets\\.("
            + "credit\\.(CreditStore|SubtreeLines|BulkLoad)"      // credit_line, booking_reject, team_day
            + "|attainment\\.ResultStore"                         // node_result, attainment_flag
            + "|packet\\.PacketStore"                             // packet
            + "|delivery\\.DeliveryLedger"                        // delivery
            + "|credit\\.LineCursor"                              // an open cursor over credit_line
            + "|changes\\.ChangeStore"                            // change_run, node_change, changed_line
            + "|guard\\.(DeliveryGate|GuardConfiguration)"        // delivery_gate, gate_release (and their DataSource)
            + "|history\\.RunHistory"                             // run_history
            + "|run\\.RunLock"                                    // run_lock
            + "|remote\\.PartitionClaims"                         // partition_claim
            + "|run\\.FeatureConfiguration"                       // hands the app DataSource to the owners
            + "|run\\.AppDatabaseWatch"                           // asks the app database whether it answers
            + "|config\\.ConfigValidation"                        // validate-config: connects and tries each query
            + ")(\\$.*)?";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void eachFeaturePackageUsesOnlyThePackagesBelowItInThePipeline() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy(ROOT)
                .layer("cli").definedBy(ROOT + ".cli..")
                .layer("demo").definedBy(ROOT + ".demo..")
                .layer("status").definedBy(ROOT + ".status..")
                .layer("run").definedBy(ROOT + ".run..")
                .layer("remote").definedBy(ROOT + ".remote..")
                .layer("retention").definedBy(ROOT + ".retention..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("outputs").definedBy(ROOT + ".outputs..")
                .layer("guard").definedBy(ROOT + ".guard..")
                .layer("delivery").definedBy(ROOT + ".delivery..")
                .layer("packet").definedBy(ROOT + ".packet..")
                .layer("changes").definedBy(ROOT + ".changes..")
                .layer("history").definedBy(ROOT + ".history..")
                .layer("attainment").definedBy(ROOT + ".attainment..")
                .layer("credit").definedBy(ROOT + ".credit..")
                .layer("source").definedBy(ROOT + ".source..")
                .layer("calendar").definedBy(ROOT + ".calendar..")
                .layer("support").definedBy(ROOT + ".support..")

                .whereLayer("cli").mayOnlyBeAccessedByLayers("application")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("status").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("run").mayOnlyBeAccessedByLayers("application", "cli", "demo", "status")
                .whereLayer("remote").mayOnlyBeAccessedByLayers("cli", "status", "run")
                .whereLayer("retention").mayOnlyBeAccessedByLayers("cli", "run")
                .whereLayer("config").mayOnlyBeAccessedByLayers("application", "cli", "demo", "run", "retention",
                        "remote")
                .whereLayer("outputs").mayOnlyBeAccessedByLayers("run")
                .whereLayer("guard").mayOnlyBeAccessedByLayers("cli", "status", "run", "outputs")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("cli", "status", "run", "config", "outputs")
                .whereLayer("packet").mayOnlyBeAccessedByLayers("status", "run", "config", "delivery")
                .whereLayer("changes").mayOnlyBeAccessedByLayers("run", "delivery", "packet")
                .whereLayer("history").mayOnlyBeAccessedByLayers("status", "run", "retention", "guard", "delivery",
                        "changes")
                .whereLayer("attainment").mayOnlyBeAccessedByLayers("run", "config", "outputs", "delivery",
                        "packet", "changes", "history")
                .whereLayer("credit").mayOnlyBeAccessedByLayers("demo", "status", "run", "outputs", "guard",
                        "packet", "changes", "history", "attainment")
                .whereLayer("source").mayOnlyBeAccessedByLayers("cli", "demo", "run", "config", "outputs",
                        "delivery", "packet", "changes", "attainment", "credit")
                .whereLayer("calendar").mayOnlyBeAccessedByLayers("cli", "demo", "status", "run", "retention",
                        "config", "outputs", "guard", "delivery", "packet", "changes", "history", "attainment",
                        "credit", "source")
                .check(CLASSES);
    }

    /**
     * One owner per table: the classes that read and write the app tables (and the source
     * database, and the demo's generator) are the only ones that use JDBC. A packet that read
     * {@code credit_line} itself would need a DataSource or a JdbcTemplate and break this rule.
     */
    @Test
    void onlyTheTableOwnersUseJdbc() {
        classes().that().resideOutsideOfPackages(ROOT + ".source..", ROOT + ".demo..", ROOT + ".support..")
                .and().haveNameNotMatching(TABLE_OWNERS)
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..")
                .check(CLASSES);
    }
}
