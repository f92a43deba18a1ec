package org.optreport.site.chart;

import java.awt.Color;

/**
 * A perceptually uniform colormap (dark blue-purple to yellow), sampled at ten evenly spaced stops and
 * interpolated linearly in between; readable in grey scale and by colour-blind readers.
 */
final class Viridis {
    private static final int[] STOPS = {
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725
    };

    private Viridis() {}

    /** The colour at {@code t} in [0, 1] (clamped). */
    static Color at(double t) {
        double clamped = Math.max(0, Math.min(1, t));
        double position = clamped * (STOPS.length - 1);
        int lower = Math.min((int) Math.floor(position), STOPS.length - 2);
        double fraction = position - lower;
        int a = STOPS[lower], b = STOPS[lower + 1];
        return new Color(mix(a >> 16, b >> 16, fraction), mix(a >> 8, b >> 8, fraction), mix(a, b, fraction));
    }

    private static int mix(int a, int b, double fraction) {
        int ca = a & 0xFF, cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * fraction);
    }
}
