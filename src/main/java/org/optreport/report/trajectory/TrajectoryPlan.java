package org.optreport.report.trajectory;

import java.util.List;
import java.util.Map;
import org.optreport.report.study.Run;
import org.optreport.report.trajectory.TrajectoryRuns.Curve;
import org.optreport.report.trajectory.TrajectoryRuns.Settings;
import org.optreport.results.TrajectoryResult;

/**
 * The settings the study read and the handles of every run it planned, grouped as the figures use them: the analysis
 * reads each result through its handle. Lists follow the order of the settings they sweep.
 *
 * @param balanced the main balanced run by depth
 * @param unbalanced the main Xavier run by depth
 * @param convergence one sweep of the convergence rates per curve
 * @param imbalance one sweep of the imbalance scales per imbalance rate
 * @param multiOutput the Linnerud run by depth
 * @param latePhase the l2 late-phase run by depth
 */
record TrajectoryPlan(Settings settings, Map<Integer, Run<TrajectoryResult>> balanced, Map<Integer, Run<TrajectoryResult>> unbalanced,
                      List<RateSweep> convergence, List<ImbalanceSweep> imbalance, Map<Integer, Run<TrajectoryResult>> multiOutput,
                      Map<Integer, Run<TrajectoryResult>> latePhase) {

    /** The curve's runs, one per convergence rate. */
    record RateSweep(Curve curve, List<Run<TrajectoryResult>> byRate) {}

    /** At one learning rate: the balanced run, and the Xavier runs one per imbalance scale. */
    record ImbalanceSweep(double rate, Run<TrajectoryResult> balanced, List<Run<TrajectoryResult>> xavierByScale) {}

    Run<TrajectoryResult> main(int depth, boolean isBalanced) {
        return (isBalanced ? balanced : unbalanced).get(depth);
    }
}
