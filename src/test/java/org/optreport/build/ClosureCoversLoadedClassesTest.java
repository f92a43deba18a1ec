package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.report.output.Figure;
import org.optreport.site.chart.ChartWriter;

/**
 * The closure read from class files against what code really loads: each tiny run, in a fresh class loader that
 * records every project class it loads, must load nothing outside its experiment's closure.
 */
class ClosureCoversLoadedClassesTest {
    private static final Path CLASSES = ClassFolderCopy.projectClasses();
    /** Where this test's own classes ({@link LoadedCode}) are, to be loaded beside the project's. */
    private static final Path TEST_CLASSES = CodeLocation.of(LoadedCode.class);
    private static final CodeFingerprint FINGERPRINT = CodeFingerprint.at(CLASSES);

    /** Every experiment but the benchmarks (JMH runs them in forked JVMs, see below), on several code paths. */
    static Stream<Arguments> tinyRuns() {
        return Stream.of(
                Arguments.of("nonconvexity", Map.of("grid", "21", "segmentPoints", "11")),
                Arguments.of("landscape", Map.of("depth", "3", "width", "4", "steps", "300", "records", "12", "samples", "120")),
                Arguments.of("landscape", Map.of("dataset", "linnerud", "depth", "1", "init", "balanced", "steps", "50", "records", "5")),
                Arguments.of("landscape", Map.of("depth", "2", "init", "xavier", "initScale", "0.5", "steps", "50", "records", "5", "samples", "60")),
                Arguments.of("trajectory", Map.of("depth", "3", "width", "4", "steps", "50", "records", "10")),
                Arguments.of("trajectory", Map.of("depth", "2", "init", "gaussian", "loss", "l4", "steps", "50", "records", "10")),
                Arguments.of("ultrawide", Map.of("samples", "24", "widths", "20,400", "seeds", "1", "steps", "40", "records", "8")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tinyRuns")
    void everyClassARunLoadsIsInItsExperimentsClosure(String name, Map<String, String> overrides) throws Exception {
        Experiment experiment = ExperimentRegistry.standard().get(name);
        SortedSet<String> loaded;
        try (RecordingClassLoader loader = new RecordingClassLoader(CLASSES, TEST_CLASSES)) {
            loader.loadClass(LoadedCode.class.getName()).getMethod("runExperiment", String.class, Map.class)
                    .invoke(null, experiment.getClass().getName(), overrides);
            loaded = loader.loaded();
        }
        assertTrue(loaded.contains(internalName(experiment.getClass())), "the run's classes came from the recording loader: " + loaded);
        assertEquals(Set.of(), missing(loaded, experiment.codeRoots()), "loaded by the run but not in its fingerprint");
    }

    /** FigureCache keys drawn charts by the closure of these roots. */
    @Test void everyClassDrawingLoadsIsInTheDrawingClosure(@TempDir Path out) throws Exception {
        SortedSet<String> loaded;
        try (RecordingClassLoader loader = new RecordingClassLoader(CLASSES, TEST_CLASSES)) {
            loader.loadClass(LoadedCode.class.getName()).getMethod("drawFigure", Path.class).invoke(null, out);
            loaded = loader.loaded();
        }
        assertTrue(loaded.contains(internalName(ChartWriter.class)), "the drawing's classes came from the recording loader: " + loaded);
        assertEquals(Set.of(), missing(loaded, List.of(Figure.class, ChartWriter.class)), "loaded by drawing but not in the figure cache's fingerprint");
    }

    private static SortedSet<String> missing(Set<String> loaded, List<Class<?>> roots) {
        SortedSet<String> missing = new TreeSet<>(loaded);
        missing.removeAll(FINGERPRINT.closure(roots).classes().keySet());
        return missing;
    }

    static String internalName(Class<?> type) { return type.getName().replace('.', '/'); }
}
