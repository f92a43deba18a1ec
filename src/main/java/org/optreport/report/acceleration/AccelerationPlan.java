package org.optreport.report.acceleration;

import java.util.List;
import java.util.Map;
import org.optreport.report.study.Run;
import org.optreport.results.StableStepResult;

/**
 * The settings and the runs: per loss and depth, one search per seed (seeds 1, 2, ... in order; seed 1 also runs the
 * common grid), and the check of seed 1 at twice the budget.
 */
record AccelerationPlan(AccelerationSettings settings, Map<Cell, List<Run<StableStepResult>>> runs,
                        Map<Cell, Run<StableStepResult>> doubledBudget) {
    /** One loss and depth; {@link #id} names its members in the study's number families (l2N1, ..., l4N3). */
    record Cell(String loss, int depth) {
        String id() { return loss + "N" + depth; }
    }

    List<Run<StableStepResult>> runs(String loss, int depth) { return runs.get(new Cell(loss, depth)); }
}
