package org.optreport.report.ultrawide;

import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.results.UltrawideResult;
import org.optreport.results.UltrawideResult.NetworkRun;
import org.optreport.results.UltrawideResult.SpectralBands;

/**
 * The split of targets and residuals along the eigenvectors of H*, in the fast, middle and slow groups of eta lambda_i
 * that the experiment formed (result field {@code bands}, and per recorded step the loss in each group).
 */
final class UltrawideSpectrum {
    private UltrawideSpectrum() {}

    /** Chart labels of the three groups, naming their edges. */
    static String[] bandNames(SpectralBands bands) {
        return new String[] {"fast (ηλ ≥ " + bands.edges()[0] + ")", "middle (" + bands.edges()[1] + " ≤ ηλ < " + bands.edges()[0] + ")", "slow (ηλ < " + bands.edges()[1] + ")"};
    }

    /** The share of the target and of the initial residual of the spectral run in each band, and the band sizes. */
    static void putBandValues(QuotedValues values, UltrawideResult first, NetworkRun spectralRun) {
        double eta = first.learningRate();
        SpectralBands bands = first.bands();
        double[] bandTarget = bands.targetEnergy();
        // Losses are half the squared residuals: the halves' shares are the residual energy's shares.
        double[] bandResidual = spectralRun.series().networkBandLoss()[0];
        double targetTotal = bandTarget[0] + bandTarget[1] + bandTarget[2], residualTotal = bandResidual[0] + bandResidual[1] + bandResidual[2];
        String[] bandKeys = {"Fast", "Middle", "Slow"};
        for (int b = 0; b < 3; b++) {
            values.put("targetPercent" + bandKeys[b], Format.sig(100 * bandTarget[b] / targetTotal, 3), "percentage of the target's energy in the " + bandKeys[b].toLowerCase(java.util.Locale.ROOT) + " eigen-directions of H*");
            values.put("residualPercent" + bandKeys[b], Format.sig(100 * bandResidual[b] / residualTotal, 3), "percentage of the spectral run's initial residual in the " + bandKeys[b].toLowerCase(java.util.Locale.ROOT) + " eigen-directions");
            values.put("bandSize" + bandKeys[b], Integer.toString(bands.directions()[b]), "number of " + bandKeys[b].toLowerCase(java.util.Locale.ROOT) + " eigen-directions of H*");
        }
        values.put("fastEdge", Format.sig(bands.edges()[0] / eta, 3), "eigenvalue above which a direction is fast (η λ at least the upper edge)");
        values.put("slowEdge", Format.sig(bands.edges()[1] / eta, 3), "eigenvalue below which a direction is slow (η λ below the lower edge)");
    }
}
