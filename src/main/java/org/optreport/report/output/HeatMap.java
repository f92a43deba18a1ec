package org.optreport.report.output;

/**
 * A scalar field sampled on a grid: {@code z[iy][ix]} is the value at ({@code xs[ix]}, {@code ys[iy]}). On a log
 * colour scale ({@code logZ}) the colours span at most {@code logDecades} decades below the largest value; smaller
 * values take the lowest colour (a loss that falls to ~1e-30 near its minima would otherwise flatten the rest).
 */
public record HeatMap(double[] xs, double[] ys, double[][] z, String zLabel, boolean logZ, int logDecades) {
    /** The decades a log colour scale spans unless a figure asks for fewer. */
    public static final int DEFAULT_LOG_DECADES = 8;

    public HeatMap {
        if (z.length != ys.length) throw new IllegalArgumentException("heat map: z has " + z.length + " rows, ys " + ys.length);
        for (double[] row : z)
            if (row.length != xs.length) throw new IllegalArgumentException("heat map: a z row differs from xs in length");
        if (logDecades < 1) throw new IllegalArgumentException("heat map: logDecades must be at least 1, not " + logDecades);
    }

    public HeatMap(double[] xs, double[] ys, double[][] z, String zLabel, boolean logZ) {
        this(xs, ys, z, zLabel, logZ, DEFAULT_LOG_DECADES);
    }
}
