package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.optreport.bench.BenchmarkSuite;
import org.optreport.experiment.BenchmarksExperiment;

/**
 * JMH runs the benchmarks in forked JVMs, loading them by name from its list of benchmarks, so no recording class
 * loader sees them: instead, every benchmark JMH selects for the suite, and every project class its generated entry
 * point reaches, must be in the benchmarks experiment's closure.
 */
class BenchmarkRootsTest {
    private final CodeFingerprint fingerprint = CodeFingerprint.at(ClassFolderCopy.projectClasses());

    @Test void everyBenchmarkJmhRunsIsInTheBenchmarksClosure() throws Exception {
        Set<String> closure = fingerprint.closure(new BenchmarksExperiment().codeRoots()).classes().keySet();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        for (BenchmarkSuite.Entry entry : BenchmarkSuite.ENTRIES) {
            SortedSet<BenchmarkListEntry> selected = BenchmarkList.defaultList().find(silent, List.of(entry.include()), List.of());
            assertFalse(selected.isEmpty(), entry.include() + " selects no benchmark");
            for (BenchmarkListEntry benchmark : selected) {
                assertTrue(closure.contains(benchmark.getUserClassQName().replace('.', '/')), benchmark.getUsername());
                assertEquals(Set.of(), reachedOutside(closure, benchmark), "reached by JMH's entry point of " + benchmark.getUsername());
            }
        }
    }

    /**
     * The project classes the generated entry point reaches that the closure lacks, the generated classes aside: JMH
     * writes those at compile time from the benchmark classes, and its version is part of the fingerprint.
     */
    private Set<String> reachedOutside(Set<String> closure, BenchmarkListEntry benchmark) throws ClassNotFoundException {
        String target = benchmark.generatedTarget(); // the generated class, a dot, the generated method
        Class<?> generated = Class.forName(target.substring(0, target.lastIndexOf('.')), false, getClass().getClassLoader());
        Set<String> reached = new TreeSet<>(fingerprint.closure(List.of(generated)).classes().keySet());
        reached.removeIf(name -> name.contains("/jmh_generated/"));
        reached.removeAll(closure);
        return reached;
    }
}
