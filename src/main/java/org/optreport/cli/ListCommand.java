package org.optreport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optreport.build.RunCache;
import org.optreport.errors.ContentException;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.report.ReportConfig;
import org.optreport.report.Studies;
import org.optreport.report.StudiesReference;
import org.optreport.report.study.Study;
import org.optreport.site.CachedAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists what a page can use, per study: its settings (default, quick default, what is allowed, what "
                + "report.yaml sets), and, when the run cache holds the study's runs, its figures with their panels, its tables, "
                + "its values ({{study.name}}) and the numbers claims check, with their current values. Never runs an experiment."})
final class ListCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY", description = "One study (default: every study).")
    String study;

    @Option(names = "--content", defaultValue = "content", description = "The folder of report.yaml, whose settings choose the runs "
            + "(default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--cache", defaultValue = ".optreport/cache", description = "The run cache to read (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings from this file instead of report.yaml in the content folder "
            + "(as build --config: a sweep profile such as content/sweep.yaml).")
    Path config;

    @Option(names = "--quick", description = "The values of a quick build's runs (build --quick) instead of the full build's.")
    boolean quick;

    @Option(names = "--markdown", description = "Print the settings reference, docs/studies.md, generated from the declarations, and stop.")
    boolean markdown;

    @Override public Integer call() {
        Studies studies = Studies.standard();
        if (markdown) {
            if (study != null) throw new OptionException("--markdown writes every study's reference: give no STUDY with it");
            System.out.print(StudiesReference.markdown(studies));
            return 0;
        }
        if (!Files.isDirectory(content)) throw new ContentException(content, 0, "content folder not found");
        if (this.config != null && !Files.isRegularFile(this.config)) throw new OptionException("--config: no such file: " + this.config);
        ReportConfig config = ReportConfig.load(this.config != null ? this.config : content.resolve("report.yaml"));
        CachedAnalysis analysis = new CachedAnalysis(ExperimentRegistry.standard(), new RunCache(cache));
        List<String> chosen = chosen(studies);
        System.out.println("Settings from " + config.file() + (Files.exists(config.file()) ? "" : " (absent: every default)") + "; figures, tables and values from the " + (quick ? "quick " : "")
                + "runs in the cache " + cache + ".");
        for (String name : chosen) {
            Study<?> s = studies.find(name);
            CachedAnalysis.Outcome outcome = analysis.of(s, config.forStudy(name, quick));
            System.out.println();
            // a second reading of the section: the first one's record of which keys the plan read is the analysis's own
            System.out.print(StudyListing.of(s, config.forStudy(name, quick), config.file(), outcome, cache));
        }
        for (String section : config.sections())
            if (studies.find(section) == null)
                System.out.println("\n" + config.file() + ": section '" + section + "' names no study (" + studies.alternativesTo(section) + ")");
        return 0;
    }

    private List<String> chosen(Studies studies) {
        if (study == null) return studies.names();
        if (studies.find(study) == null) throw new OptionException("no study named '" + study + "' (" + studies.alternativesTo(study) + ")");
        return List.of(study);
    }
}
