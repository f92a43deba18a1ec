package org.optreport.report.acceleration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optreport.report.acceleration.AccelerationPlan.Cell;
import org.optreport.report.output.Format;
import org.optreport.results.StableStepResult;

/** Per loss and depth: the limits and the bisected steps (median and range over seeds), the steps to the target there. */
final class AccelerationTable {
    private AccelerationTable() {}

    static org.optreport.report.output.Table of(Map<Cell, CellSummary> cells) {
        List<List<String>> rows = new ArrayList<>();
        for (CellSummary c : cells.values()) {
            rows.add(List.of(c.cell().loss().equals("l2") ? "ℓ2" : "ℓ4", Integer.toString(c.cell().depth()), Format.sig(c.stepLimit(), 3),
                    spread(c.networkStep(), 3), spread(c.networkSteps(), 0), spread(c.dynamicsStep(), 3), spread(c.dynamicsSteps(), 0),
                    c.dynamicsAtNetworkStep(StableStepResult.CONVERGED) + " / " + c.dynamicsAtNetworkStep(StableStepResult.UNDECIDED) + " / "
                            + c.dynamicsAtNetworkStep(StableStepResult.BOUNDED) + " / "
                            + c.dynamicsAtNetworkStep(StableStepResult.DIVERGED),
                    c.cell().depth() == 1 ? "—" : spread(c.networkImbalance(), 2)));
        }
        return new org.optreport.report.output.Table(List.of("loss", "N", "linear limit at W*", "network: largest converging η",
                "network: steps to target", "end-to-end: largest converging η", "end-to-end: steps to target",
                "end-to-end at the network's η: converged / undecided / did not blow up / diverged (seeds)", "network imbalance at the end"), rows);
    }

    /** "median (min–max)" over the seeds, or the single value when they agree to the digits shown. */
    static String spread(double[] bySeed, int digits) {
        String median = AccelerationNumbers.format(CellSummary.median(bySeed), digits),
                lo = AccelerationNumbers.format(CellSummary.min(bySeed), digits),
                hi = AccelerationNumbers.format(CellSummary.max(bySeed), digits);
        return lo.equals(hi) ? median : median + " (" + lo + "–" + hi + ")";
    }
}
