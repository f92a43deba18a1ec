package org.optreport.experiment;

/**
 * When a landscape run computes the Hessian's extreme eigenvalues: at log-spaced floor steps (so a plateau is still
 * seen), and whenever the loss has moved by {@code lossStep} of its whole way down, or the gradient norm by a factor
 * {@code gradientFactor}, since the last spectral record. A fast phase (the escape from the saddle at the origin, a
 * few dozen steps at depth 4) then gets dense records and a plateau few, instead of one record every ~18% of the
 * steps whatever happens. At most {@code maxAdaptive} records are added to the floor, which bounds the cost.
 */
final class SpectralSchedule {
    private final int[] floor;
    private final double lossMove;
    private final double logGradientMove;
    private final int maxAdaptive;
    private int nextFloor;
    private int adaptive;
    private double lastLoss = Double.NaN, lastGradient = Double.NaN;

    /**
     * @param floor        steps always recorded, increasing
     * @param lossFall     the loss's whole way down, L(0) - L*, the scale of {@code lossStep}
     * @param lossStep     a record when the loss moved by this fraction of {@code lossFall}
     * @param gradientFactor a record when the gradient norm grew or shrank by this factor (&gt; 1)
     */
    SpectralSchedule(int[] floor, double lossFall, double lossStep, double gradientFactor, int maxAdaptive) {
        this.floor = floor.clone();
        this.lossMove = lossStep * Math.abs(lossFall);
        this.logGradientMove = Math.log(gradientFactor);
        this.maxAdaptive = maxAdaptive;
    }

    /** Whether {@code step}, with this loss and latest gradient norm, gets a spectral record; call once per step, in order. */
    boolean due(int step, double loss, double gradientNorm) {
        while (nextFloor < floor.length && floor[nextFloor] < step) nextFloor++;
        if (nextFloor < floor.length && floor[nextFloor] == step) return true;
        if (adaptive >= maxAdaptive || Double.isNaN(lastLoss)) return false;
        boolean moved = Math.abs(loss - lastLoss) >= lossMove
                || (gradientNorm > 0 && lastGradient > 0 && Math.abs(Math.log(gradientNorm / lastGradient)) >= logGradientMove);
        if (moved) adaptive++;
        return moved;
    }

    /** The state at a spectral record just made: later moves are measured from here. */
    void recorded(double loss, double gradientNorm) {
        lastLoss = loss;
        lastGradient = gradientNorm;
    }

    /** The most records a run of these settings makes: the floor and every adaptive one. */
    static int maxRecords(int floorLength, int maxAdaptive) { return floorLength + maxAdaptive; }
}
