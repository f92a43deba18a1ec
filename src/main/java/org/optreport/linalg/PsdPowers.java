package org.optreport.linalg;

import org.ejml.data.DMatrixRMaj;

/** Fractional powers [A]^p of symmetric PSD matrices with the cut-off rule of {@link PsdSpectrum}. */
public final class PsdPowers {

    private PsdPowers() {
    }

    public static DMatrixRMaj power(DMatrixRMaj psd, double p) {
        DMatrixRMaj out = new DMatrixRMaj(psd.numRows, psd.numCols);
        power(psd, p, out);
        return out;
    }

    /** Writes [psd]^p into out (reshaped to the size of psd). */
    public static void power(DMatrixRMaj psd, double p, DMatrixRMaj out) {
        PsdSpectrum.of(psd).power(p, out);
    }

    /** The PSD square root [A]^{1/2}. */
    public static DMatrixRMaj sqrt(DMatrixRMaj psd) {
        return power(psd, 0.5);
    }
}
