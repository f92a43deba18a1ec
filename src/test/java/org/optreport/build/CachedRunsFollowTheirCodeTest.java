package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;

/** Through the scheduler and the cache: after a code change, exactly the runs of the experiment that reaches it recompute. */
class CachedRunsFollowTheirCodeTest {
    /** A real experiment's name, parameters and code, with a stand-in result: what is cached matters here, not the numbers. */
    static final class Counted implements Experiment {
        final Experiment real;
        final AtomicInteger runs = new AtomicInteger();

        Counted(String name) { real = ExperimentRegistry.standard().get(name); }

        @Override public String name() { return real.name(); }

        @Override public List<Setting<?>> parameters() { return real.parameters(); }

        @Override public List<Class<?>> codeRoots() { return real.codeRoots(); }

        @Override public ObjectNode run(Parameters p, Progress progress) {
            runs.incrementAndGet();
            return Json.object().put("schema", name() + "/v1");
        }
    }

    @TempDir Path dir;

    private final Counted landscape = new Counted("landscape"), ultrawide = new Counted("ultrawide");
    private final List<RunRequest> requests = List.of(
            RunRequest.of("landscape", Map.of("seed", "1")), RunRequest.of("landscape", Map.of("seed", "2")),
            RunRequest.of("ultrawide", Map.of("seeds", "1")), RunRequest.of("ultrawide", Map.of("seeds", "2")));

    private void build(Path classes) {
        RunCache cache = new RunCache(dir.resolve("cache"), CodeFingerprint.at(classes));
        new RunScheduler(new ExperimentRegistry(List.of(landscape, ultrawide)), cache, 1, false, BuildLog.silent()).runAll(requests);
    }

    @Test void onlyTheRunsOfTheChangedExperimentRecompute() throws Exception {
        Path a = ClassFolderCopy.of(dir), b = ClassFolderCopy.of(dir);
        ClassFolderCopy.addField(b, "org/optreport/model/TwoLayerReluNetwork", "edited");
        build(a);
        assertEquals(List.of(2, 2), List.of(landscape.runs.get(), ultrawide.runs.get()));
        build(b);
        assertEquals(List.of(2, 4), List.of(landscape.runs.get(), ultrawide.runs.get()), "landscape reused, ultrawide recomputed");
        build(a);
        assertEquals(List.of(2, 4), List.of(landscape.runs.get(), ultrawide.runs.get()), "the first code's entries are still there");
    }
}
