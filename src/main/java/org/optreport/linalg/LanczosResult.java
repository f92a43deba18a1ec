package org.optreport.linalg;

/**
 * Outcome of a {@link Lanczos} run.
 *
 * @param min            smallest Ritz value (an upper bound on the smallest eigenvalue)
 * @param max            largest Ritz value (a lower bound on the largest eigenvalue)
 * @param minResidual    ||A y - min y|| of the unit Ritz vector y of min: some eigenvalue lies within it
 * @param maxResidual    the same for max
 * @param applications   number of operator applications
 * @param restarts       number of thick restarts
 * @param converged      whether both residuals met the tolerance before the application budget ran out
 * @param vectorFlops    floating-point operations on length-n vectors (orthogonalisation with its repeated passes,
 *                       norms, scalings, the restarts' Ritz vectors), counted as the run made them
 * @param projectedCubes sum of s^3 over the dense eigen-decompositions (with vectors) of the s x s projected matrix:
 *                       one after every application and one at every restart
 */
public record LanczosResult(double min, double max, double minResidual, double maxResidual,
                            int applications, int restarts, boolean converged, long vectorFlops, long projectedCubes) {

    public SpectrumExtremes extremes() {
        return new SpectrumExtremes(min, max);
    }
}
