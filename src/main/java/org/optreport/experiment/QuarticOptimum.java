package org.optreport.experiment;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.optreport.model.QuarticLoss;
import org.optreport.model.SquaredLoss;

/**
 * The minimiser of the convex l4 loss (1/(4n)) sum_i ||W x_i - y_i||_4^4 over linear models W, so that runs can
 * report an excess loss. The loss separates over output rows; each row w is found by damped Newton steps
 * (gradient (1/n) sum r^3 x, Hessian (3/n) sum r^2 x x^T) started at the least-squares solution.
 */
final class QuarticOptimum {
    /** Newton steps per output row at most (also the cost estimate's bound). */
    static final int MAX_ITERATIONS = 200;

    private QuarticOptimum() {}

    static DMatrixRMaj weights(DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj w = SquaredLoss.of(x, y).optimalWeights();
        QuarticLoss loss = new QuarticLoss(x, y);
        int n = x.numRows, d = x.numCols;
        for (int k = 0; k < y.numCols; k++) {
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = -y.get(i, k);
                    for (int c = 0; c < d; c++) s += w.get(k, c) * x.get(i, c);
                    r[i] = s;
                }
                DMatrixRMaj g = new DMatrixRMaj(d, 1), h = new DMatrixRMaj(d, d);
                for (int i = 0; i < n; i++) {
                    double r2 = r[i] * r[i];
                    for (int a = 0; a < d; a++) {
                        g.data[a] += r2 * r[i] * x.get(i, a) / n;
                        for (int b = 0; b < d; b++) h.data[a * d + b] += 3 * r2 * x.get(i, a) * x.get(i, b) / n;
                    }
                }
                DMatrixRMaj step = new DMatrixRMaj(d, 1);
                if (!CommonOps_DDRM.solve(h, g, step)) break;
                double decrement = CommonOps_DDRM.dot(g, step);
                if (!(decrement > 1e-28)) break;
                // backtracking on the whole loss (the other rows are fixed, so it measures this row's part)
                double before = loss.value(w), t = 1;
                DMatrixRMaj start = w.copy();
                while (t > 1e-10) {
                    for (int c = 0; c < d; c++) w.set(k, c, start.get(k, c) - t * step.data[c]);
                    if (loss.value(w) <= before - 0.25 * t * decrement) break;
                    t /= 2;
                }
                if (t <= 1e-10) {
                    w.setTo(start);
                    break;
                }
            }
        }
        return w;
    }
}
