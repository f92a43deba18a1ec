package org.optreport.report.ultrawide;

import static org.optreport.report.ultrawide.UltrawideMetrics.column;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.optreport.experiment.Json;
import org.optreport.model.KernelDynamics;
import org.optreport.report.output.Format;

/** The split of targets and residuals along the eigenvectors of H*, grouped into fast, middle and slow bands of eta lambda_i. */
final class UltrawideSpectrum {
    /** Eigen-directions are grouped by their time scale 1/(eta lambda_i): under 10 steps, 10..100, over 100. */
    static final double[] BAND_EDGES = {0.1, 0.01};
    static final String[] BAND_NAMES = {"fast (ηλ ≥ 0.1)", "middle", "slow (ηλ < 0.01)"};

    private UltrawideSpectrum() {}

    /** The share of the target and of the initial residual of the spectral run in each band, and the band sizes. */
    static void putBandValues(Map<String, String> values, JsonNode first, KernelDynamics basis, JsonNode spectralRun) {
        double eta = first.get("learningRate").asDouble();
        double[] eigenvalues = Json.doubles(first.get("kernelEigenvalues"));
        double[] targetProjections = Json.doubles(first.get("targetProjections"));
        double[] bandTarget = bandEnergy(eigenvalues, targetProjections, eta);
        double[] residual0 = basis.projections(Json.doubles(spectralRun.get("series").get("networkOutputs").get(0)));
        double[] bandResidual = bandEnergy(eigenvalues, residual0, eta);
        double targetTotal = bandTarget[0] + bandTarget[1] + bandTarget[2], residualTotal = bandResidual[0] + bandResidual[1] + bandResidual[2];
        String[] bandKeys = {"Fast", "Middle", "Slow"};
        int[] bandSizes = bandSizes(eigenvalues, eta);
        for (int b = 0; b < 3; b++) {
            values.put("targetPercent" + bandKeys[b], Format.sig(100 * bandTarget[b] / targetTotal, 3));
            values.put("residualPercent" + bandKeys[b], Format.sig(100 * bandResidual[b] / residualTotal, 3));
            values.put("bandSize" + bandKeys[b], Integer.toString(bandSizes[b]));
        }
        values.put("fastEdge", Format.sig(BAND_EDGES[0] / eta, 3));
        values.put("slowEdge", Format.sig(BAND_EDGES[1] / eta, 3));
    }

    /** The eigenbasis of the file's H* (eigenvectors in decreasing eigenvalue order), with the file's y as target. */
    static KernelDynamics eigenbasis(JsonNode result) {
        double[] y = column(result.get("dataset").get("y"));
        return new KernelDynamics(Json.toMatrix(result.get("kernelGram")), y, new double[y.length], result.get("learningRate").asDouble());
    }

    /** Squared projections summed within the fast, middle and slow bands of eta lambda_i. */
    static double[] bandEnergy(double[] eigenvalues, double[] projections, double eta) {
        double[] out = new double[3];
        for (int i = 0; i < eigenvalues.length; i++) out[band(eta * eigenvalues[i])] += projections[i] * projections[i];
        return out;
    }

    private static int[] bandSizes(double[] eigenvalues, double eta) {
        int[] out = new int[3];
        for (double l : eigenvalues) out[band(eta * l)]++;
        return out;
    }

    private static int band(double etaLambda) {
        return etaLambda >= BAND_EDGES[0] ? 0 : etaLambda >= BAND_EDGES[1] ? 1 : 2;
    }
}
