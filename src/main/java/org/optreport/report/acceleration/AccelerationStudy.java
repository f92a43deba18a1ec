package org.optreport.report.acceleration;

import static org.optreport.report.acceleration.AccelerationSettings.DEPTHS;
import static org.optreport.report.acceleration.AccelerationSettings.LOSSES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.acceleration.AccelerationPlan.Cell;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.StableStepResult;

/**
 * Part 3, "Does depth accelerate?": for the l2 and l4 losses and depths 1-3, the largest step at which gradient descent
 * on a balanced linear network converges, bisected per seed, beside the same search on the end-to-end dynamics and the
 * linearised stability limit at the optimum; the exact steps to the target there and the speed-ups over depth 1.
 */
public final class AccelerationStudy implements Study<AccelerationPlan> {
    @Override public String name() { return "acceleration"; }

    @Override public List<Setting<?>> settings() { return AccelerationSettings.ALL; }

    @Override public AccelerationPlan plan(StudyConfig config, RunPlan runs) {
        AccelerationSettings s = AccelerationSettings.read(config);
        Map<Cell, List<Run<StableStepResult>>> planned = new LinkedHashMap<>();
        Map<Cell, Run<StableStepResult>> doubled = new LinkedHashMap<>();
        for (String loss : LOSSES)
            for (int depth : DEPTHS) {
                List<Run<StableStepResult>> bySeed = new ArrayList<>();
                // every search tries steps that diverge on purpose, but records them in its trials: the run itself completes
                for (long seed = 1; seed <= s.seeds(); seed++)
                    bySeed.add(runs.add(StableStepResult.class, "stablestep", s.parameters(loss, depth, seed, 1)));
                planned.put(new Cell(loss, depth), bySeed);
                doubled.put(new Cell(loss, depth), runs.add(StableStepResult.class, "stablestep", s.parameters(loss, depth, 1, 2)));
            }
        return new AccelerationPlan(s, planned, doubled);
    }

    @Override public StudyOutput analyze(AccelerationPlan plan, RunResults results) {
        Map<Cell, CellSummary> cells = new LinkedHashMap<>();
        Map<Cell, GridSummary> grids = new LinkedHashMap<>();
        plan.runs().forEach((cell, runs) -> {
            List<StableStepResult> bySeed = results.get(runs);
            cells.put(cell, CellSummary.of(cell, bySeed));
            grids.put(cell, GridSummary.of(bySeed.get(0), results.get(plan.doubledBudget().get(cell))));
        });
        AccelerationNumbers numbers = new AccelerationNumbers(plan.settings(), cells, grids);
        return new StudyOutput(Map.of("steps", AccelerationFigure.of(cells)), Map.of("steps", AccelerationTable.of(cells)),
                numbers.values(), numbers.numbers(), numbers.warnings());
    }
}
