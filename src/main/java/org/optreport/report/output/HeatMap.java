package org.optreport.report.output;

/** A scalar field sampled on a grid: {@code z[iy][ix]} is the value at ({@code xs[ix]}, {@code ys[iy]}). */
public record HeatMap(double[] xs, double[] ys, double[][] z, String zLabel, boolean logZ) {
    public HeatMap {
        if (z.length != ys.length) throw new IllegalArgumentException("heat map: z has " + z.length + " rows, ys " + ys.length);
        for (double[] row : z)
            if (row.length != xs.length) throw new IllegalArgumentException("heat map: a z row differs from xs in length");
    }
}
