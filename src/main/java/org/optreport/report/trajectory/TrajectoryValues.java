package org.optreport.report.trajectory;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.optreport.report.output.Format;

/** Small numeric and formatting helpers behind the trajectory study's quoted values. */
final class TrajectoryValues {
    private TrajectoryValues() {}

    static double frobenius(double[][] matrix) {
        double s = 0;
        for (double[] row : matrix) for (double v : row) s += v * v;
        return Math.sqrt(s);
    }

    static double[] singularValues(DMatrixRMaj m) {
        double[] sv = SingularOps_DDRM.singularValues(m);
        java.util.Arrays.sort(sv);
        double[] descending = new double[sv.length];
        for (int i = 0; i < sv.length; i++) descending[i] = sv[sv.length - 1 - i];
        return descending;
    }

    static String joinSig(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) parts.add(Format.sig(x, 3));
        return String.join(", ", parts);
    }

    static String joinReals(List<Double> v) {
        return String.join(", ", v.stream().map(x -> Format.sig(x, 2)).toList());
    }

    static String joinInts(List<Integer> v) {
        return String.join(", ", v.stream().map(String::valueOf).toList());
    }
}
