package org.optreport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The divergences a result file records (see DivergenceGuard). A result marks its own {@code diverged}; ultrawide
 * marks each of its networks under {@code runs}, known by width and seed.
 */
final class DivergedRuns {
    /**
     * @param which the network within the result ("width 3, seed 1"), or empty for the result itself
     * @param why   the guard's sentence, which names the step and the loss: "loss grew from 0.501 to 5.59e+15 by step 2"
     */
    record Divergence(String which, String why) {
        /** "landscape diverged: loss grew ...", "ultrawide (width 3, seed 1) diverged: loss grew ...". */
        String describe(String experiment) {
            return experiment + (which.isEmpty() ? "" : " (" + which + ")") + " diverged: " + why;
        }
    }

    private DivergedRuns() {}

    static List<Divergence> in(JsonNode result) {
        List<Divergence> found = new ArrayList<>();
        if (diverged(result)) found.add(new Divergence("", why(result)));
        for (JsonNode run : result.path("runs"))
            if (diverged(run)) found.add(new Divergence(which(run), why(run)));
        return found;
    }

    private static boolean diverged(JsonNode run) { return run.path("diverged").asBoolean(false); }

    private static String why(JsonNode run) {
        return run.hasNonNull("divergence") ? run.get("divergence").asText()
                : "its loss became non-finite or exploded at step " + run.path("divergedAtStep").asText("?");
    }

    private static String which(JsonNode run) {
        List<String> names = new ArrayList<>();
        for (String key : List.of("width", "seed"))
            if (run.has(key)) names.add(key + " " + run.get(key).asText());
        return names.isEmpty() ? "a run" : String.join(", ", names);
    }
}
