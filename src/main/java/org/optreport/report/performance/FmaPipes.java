package org.optreport.report.performance;

import java.util.List;
import org.optreport.report.stats.RatioInterval;
import org.optreport.report.stats.Replicates;

/**
 * How many vector FMA pipes the core has, from the run rather than assumed: the yardstick's rate over the measured
 * clock is the flops a cycle tuned code achieves. One pipe of the JIT's vector width does 2 × lanes flops a cycle
 * (8 at 256 bits); a lower bound above that proves a second pipe, and two pipes (16 at 256 bits) is the next value
 * the architecture allows. Where the bound does not clear one pipe's count, two pipes stay an assumption, and the page
 * says so. Either way the peak uses two pipes: it is a ceiling, and a ceiling too low would put kernels above it.
 */
record FmaPipes(RatioInterval achieved, double onePipe, double twoPipes, Conclusion conclusion) {
    enum Conclusion {
        /** The achieved lower bound exceeds one pipe's count: two pipes, inferred. */
        TWO_PIPES_INFERRED,
        /** It exceeds even two pipes' count at the JIT's width: the hardware's vectors are wider than the JIT's. */
        WIDER_THAN_THE_JIT,
        /** No bound above one pipe (or nothing measured): two pipes is the assumption. */
        ASSUMED
    }

    /**
     * From the yardstick's time per call (fork means) and flops, and the clock's fork means; null where the run has no
     * yardstick, no measured clock or no vector width.
     */
    static FmaPipes of(Measurement yardstick, Replicates clock, Integer vectorBits) {
        if (yardstick == null || clock == null || vectorBits == null || vectorBits == 0) return null;
        double twoPipes = Roofline.flopsPerCycle(vectorBits), onePipe = twoPipes / 2;
        // flops per cycle = F / (t · f): both independent measurements in the denominator
        RatioInterval achieved = RatioInterval.of(yardstick.point().flops(), List.of(),
                List.of(yardstick.time().estimate(), clock.estimate()), 0.90);
        Conclusion c = achieved.lower() > twoPipes ? Conclusion.WIDER_THAN_THE_JIT
                : achieved.lower() > onePipe ? Conclusion.TWO_PIPES_INFERRED : Conclusion.ASSUMED;
        return new FmaPipes(achieved, onePipe, twoPipes, c);
    }
}
