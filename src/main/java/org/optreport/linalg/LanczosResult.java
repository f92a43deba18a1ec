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
 */
public record LanczosResult(double min, double max, double minResidual, double maxResidual,
                            int applications, int restarts, boolean converged) {

    public SpectrumExtremes extremes() {
        return new SpectrumExtremes(min, max);
    }
}
