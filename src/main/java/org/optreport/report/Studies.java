package org.optreport.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.errors.DidYouMean;
import org.optreport.report.acceleration.AccelerationStudy;
import org.optreport.report.landscape.LandscapeStudy;
import org.optreport.report.nonconvexity.NonconvexityStudy;
import org.optreport.report.performance.PerformanceStudy;
import org.optreport.report.study.Study;
import org.optreport.report.trajectory.TrajectoryStudy;
import org.optreport.report.ultrawide.UltrawideStudy;

/** The report's studies by name (the prefix of figure, table and value names in the pages). */
public final class Studies {
    private final Map<String, Study<?>> byName = new TreeMap<>();

    public Studies(List<Study<?>> studies) {
        for (Study<?> s : studies) byName.put(s.name(), s);
    }

    public static Studies standard() {
        return new Studies(List.of(new NonconvexityStudy(), new LandscapeStudy(), new TrajectoryStudy(), new UltrawideStudy(),
                new PerformanceStudy(), new AccelerationStudy()));
    }

    /** The study, or null when there is none of that name. */
    public Study<?> find(String name) { return byName.get(name); }

    public List<String> names() { return List.copyOf(byName.keySet()); }

    /**
     * What an error about the unknown study {@code name} adds in parentheses: the study it probably meant, when it looks
     * like a typo, and every study, e.g. {@code did you mean 'landscape'? studies: landscape, nonconvexity, ...}.
     */
    public String alternativesTo(String name) {
        String hint = DidYouMean.hint(name, byName.keySet());
        return (hint.isEmpty() ? "" : hint + " ") + "studies: " + String.join(", ", names());
    }
}
