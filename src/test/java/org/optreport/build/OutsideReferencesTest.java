package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.report.output.Figure;
import org.optreport.site.chart.ChartWriter;

/**
 * Code outside the project's location is covered by versions only: every class a fingerprinted closure refers to
 * there must be the JDK's (covered by the JVM's version) or a listed library's, and that library's version known.
 */
class OutsideReferencesTest {
    private static final CodeFingerprint FINGERPRINT = CodeFingerprint.at(ClassFolderCopy.projectClasses());

    static Stream<Arguments> closures() {
        ExperimentRegistry registry = ExperimentRegistry.standard();
        Stream<Arguments> experiments = registry.names().stream().map(name -> Arguments.of(name, registry.get(name).codeRoots()));
        return Stream.concat(experiments, Stream.of(Arguments.of("charts", List.of(Figure.class, ChartWriter.class))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closures")
    void everythingOutsideIsTheJdkOrAVersionedLibrary(String name, List<Class<?>> roots) {
        SortedSet<String> outside = FINGERPRINT.closure(roots).outside();
        SortedSet<String> uncovered = new TreeSet<>();
        for (String type : outside) if (!fromJdk(type) && !RuntimeVersions.inLibrary(type)) uncovered.add(type);
        assertEquals(Set.of(), uncovered, "neither the JDK's nor a listed library's");
        assertFalse(RuntimeVersions.of(outside).values().stream().anyMatch(v -> v.contains(RuntimeVersions.UNKNOWN)), RuntimeVersions.of(outside).toString());
    }

    /** Where the JVM itself finds the class: the JDK's classes come from its runtime image. */
    private static boolean fromJdk(String type) {
        URL url = ClassLoader.getSystemResource(type + ".class");
        return url != null && url.getProtocol().equals("jrt");
    }
}
