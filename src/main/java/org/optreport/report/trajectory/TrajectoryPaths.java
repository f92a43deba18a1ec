package org.optreport.report.trajectory;

import java.util.List;

/**
 * Distances between two trajectories of matrices that do not depend on timing. The step-matched distance
 * ||W_net(k) - W_dyn(k)|| counts a path followed late as a distance; the distance from each network iterate to the
 * nearest point of the dynamics' path does not. The path is the polygon through the recorded matrices, so the
 * nearest point is found segment by segment (closed form: the projection onto the segment, clamped to its ends).
 */
final class TrajectoryPaths {
    private TrajectoryPaths() {}

    /** The largest, over the iterates, of the Frobenius distance from the iterate to the polygon through {@code path}. */
    static double largestDistanceToPath(List<double[][]> iterates, List<double[][]> path) {
        double[][] vertices = path.stream().map(TrajectoryPaths::flat).toArray(double[][]::new);
        double largest = 0;
        for (double[][] iterate : iterates) largest = Math.max(largest, distanceToPolygon(flat(iterate), vertices));
        return largest;
    }

    /** The distance from p to the polygon through the vertices (a single vertex is a point). */
    static double distanceToPolygon(double[] p, double[][] vertices) {
        double best = Math.sqrt(squaredDistance(p, vertices[0]));
        for (int i = 0; i + 1 < vertices.length; i++) best = Math.min(best, distanceToSegment(p, vertices[i], vertices[i + 1]));
        return best;
    }

    static double distanceToSegment(double[] p, double[] a, double[] b) {
        double along = 0, length = 0;
        for (int i = 0; i < p.length; i++) {
            along += (p[i] - a[i]) * (b[i] - a[i]);
            length += (b[i] - a[i]) * (b[i] - a[i]);
        }
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, along / length));
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - a[i] - t * (b[i] - a[i]);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum;
    }

    static double[] flat(double[][] m) {
        int cols = m[0].length;
        double[] out = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * cols, cols);
        return out;
    }
}
