package org.optreport.report.landscape;

import java.util.function.Function;
import org.optreport.results.LandscapeResult;
import org.optreport.results.Trace;

/**
 * A quantity the landscape charts draw: its values at a run's spectral records and, for those the run also sees at
 * every step, the points its every-step trace kept (docs/results-format.md).
 */
enum Quantity {
    LOSS(LandscapeResult.Series::loss, LandscapeResult.Traces::loss),
    EXCESS_LOSS(LandscapeResult.Series::excessLoss, LandscapeResult.Traces::excessLoss),
    GRADIENT_NORM(LandscapeResult.Series::gradientNorm, LandscapeResult.Traces::gradientNorm),
    HESSIAN_MIN_EIGENVALUE(LandscapeResult.Series::hessianMinEigenvalue, null),
    HESSIAN_MAX_EIGENVALUE(LandscapeResult.Series::hessianMaxEigenvalue, null);

    private final Function<LandscapeResult.Series, double[]> recorded;
    private final Function<LandscapeResult.Traces, Trace> traced;

    Quantity(Function<LandscapeResult.Series, double[]> recorded, Function<LandscapeResult.Traces, Trace> traced) {
        this.recorded = recorded;
        this.traced = traced;
    }

    /** The values at the run's spectral records, one per {@code series.step}. */
    double[] recorded(LandscapeResult run) { return recorded.apply(run.series()); }

    /** The run's every-step trace of this quantity, or null if it has none. */
    Trace traced(LandscapeResult run) { return traced == null ? null : traced.apply(run.trace()); }
}
