package org.optreport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package layering of docs/architecture.md, checked against the compiled classes: dependencies point one way. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.optreport");
    }

    /**
     * cli -> site -> report -> experiment -> model -> linalg; build beside report; results, files, host and errors are
     * leaves. Report may read data only to check a study's dataset settings.
     */
    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.optreport.cli..")
                .layer("site").definedBy("org.optreport.site..")
                .layer("report").definedBy("org.optreport.report..")
                .layer("build").definedBy("org.optreport.build..")
                .layer("experiment").definedBy("org.optreport.experiment..")
                .layer("bench").definedBy("org.optreport.bench..")
                .layer("model").definedBy("org.optreport.model..")
                .layer("linalg").definedBy("org.optreport.linalg..")
                .layer("data").definedBy("org.optreport.data..")
                .layer("results").definedBy("org.optreport.results..")
                .layer("files").definedBy("org.optreport.files..")
                .layer("host").definedBy("org.optreport.host..")
                .layer("errors").definedBy("org.optreport.errors..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("site").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("site", "cli")
                .whereLayer("build").mayOnlyBeAccessedByLayers("site", "cli")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("report", "build", "site", "cli")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("experiment", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("experiment", "bench")
                .whereLayer("linalg").mayOnlyBeAccessedByLayers("model", "experiment", "bench")
                .whereLayer("data").mayOnlyBeAccessedByLayers("experiment", "bench", "build", "report", "cli")
                .whereLayer("results").mayOnlyBeAccessedByLayers("experiment", "report", "build", "site", "cli")
                .check(classes);
    }

    /** Safe writing, the machine's description and the input errors serve every stage and know none of them. */
    @Test
    void leavesDependOnNothingOfTheProject() {
        for (String leaf : new String[] {"org.optreport.files..", "org.optreport.host..", "org.optreport.errors.."})
            noClasses().that().resideInAPackage(leaf)
                    .should().dependOnClassesThat().resideInAnyPackage("org.optreport.cli..", "org.optreport.site..", "org.optreport.report..",
                            "org.optreport.build..", "org.optreport.experiment..", "org.optreport.bench..", "org.optreport.model..",
                            "org.optreport.linalg..", "org.optreport.data..", "org.optreport.results..")
                    .check(classes);
    }

    /** The result contract is shared by experiments, cache and pages, so it knows none of them. */
    @Test
    void resultRecordsDependOnNothingOfTheProject() {
        noClasses().that().resideInAPackage("org.optreport.results..")
                .should().dependOnClassesThat().resideInAnyPackage("org.optreport.cli..", "org.optreport.site..", "org.optreport.report..",
                        "org.optreport.build..", "org.optreport.experiment..", "org.optreport.bench..", "org.optreport.model..",
                        "org.optreport.linalg..", "org.optreport.data..", "org.optreport.files..")
                .check(classes);
    }

    /** Each page's study stands alone: studies share only the output model, the study contract and the statistics. */
    @Test
    void studiesDoNotDependOnEachOther() {
        slices().matching("org.optreport.report.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("org.optreport.report.output..",
                                "org.optreport.report.study..", "org.optreport.report.stats.."))
                .check(classes);
    }

    /** The shared output model and contract never reach into a particular study. */
    @Test
    void sharedReportModelKnowsNoStudy() {
        noClasses().that().resideInAnyPackage("org.optreport.report.output..", "org.optreport.report.study..", "org.optreport.report.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.optreport.report.landscape..", "org.optreport.report.trajectory..",
                        "org.optreport.report.ultrawide..", "org.optreport.report.nonconvexity..", "org.optreport.report.performance..")
                .check(classes);
    }

    /** Charts draw a figure model; which runs were cached is the build's business, passed in by the site builder. */
    @Test
    void chartsDoNotKnowTheBuild() {
        noClasses().that().resideInAPackage("org.optreport.site.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("org.optreport.build..", "org.optreport.experiment..")
                .check(classes);
    }

    /**
     * The PDF is printed from the finished pages: it knows nothing else of the site, and only the site builder (which
     * calls it for build --pdf alone) and the page renderer (which describes the chapters) reach it.
     */
    @Test
    void thePdfIsReachedOnlyByTheSiteBuilder() {
        noClasses().that().resideInAPackage("org.optreport.site.pdf..")
                .should().dependOnClassesThat().resideInAnyPackage("org.optreport.site", "org.optreport.site.chart..", "org.optreport.site.markdown..",
                        "org.optreport.site.citations..", "org.optreport.site.claims..", "org.optreport.site.templates..", "org.optreport.build..",
                        "org.optreport.experiment..", "org.optreport.cli..")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("org.optreport.site.pdf..")
                .should().onlyBeAccessed().byClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.optreport.site.pdf..")
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("SiteBuilder"))
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("PageRenderer")))
                .check(classes);
    }

    /** Numerical code knows nothing about pages: HTML, templates, Markdown and charts belong to site. */
    @Test
    void onlySiteRendersPages() {
        noClasses().that().resideOutsideOfPackages("org.optreport.site..", "org.optreport.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("freemarker..", "com.vladsch.flexmark..", "de.erichseifert.vectorgraphics2d..")
                .check(classes);
    }

    /** No package cycles anywhere. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.optreport.(**)").should().beFreeOfCycles().check(classes);
    }
}
