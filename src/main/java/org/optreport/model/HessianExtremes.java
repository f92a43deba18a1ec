package org.optreport.model;

import org.optreport.linalg.LanczosResult;
import org.optreport.linalg.SpectrumExtremes;

/**
 * Smallest and largest Hessian eigenvalue and how they were obtained.
 *
 * @param lanczos the Lanczos run (residuals, applications) when method is LANCZOS, otherwise null
 */
public record HessianExtremes(double min, double max, Method method, LanczosResult lanczos) {

    /** Seed of the Lanczos start vector when none is given. */
    public static final long DEFAULT_LANCZOS_SEED = 20240517L;

    /** DENSE: exact, a dense eigen-decomposition (of the Hessian on a subspace containing its range); LANCZOS: Ritz values. */
    public enum Method { DENSE, LANCZOS }

    static HessianExtremes dense(SpectrumExtremes extremes) {
        return new HessianExtremes(extremes.min(), extremes.max(), Method.DENSE, null);
    }

    static HessianExtremes lanczos(LanczosResult result) {
        return new HessianExtremes(result.min(), result.max(), Method.LANCZOS, result);
    }
}
