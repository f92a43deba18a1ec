package org.optreport.report.performance;

import org.optreport.report.stats.Replicates;

/**
 * One JMH result: the kernel, its size, the time per operation in seconds as replicates (one mean per fork: the
 * iterations within a fork are not independent of each other, the forks are), JMH's own score, error and unit, the
 * allocation per operation, the collector's activity over the measurement (count, milliseconds; NaN: not profiled)
 * and every measured iteration's time in seconds, fork after fork (JMH's raw data, for the figures' CSV files).
 */
record Measurement(Kernel kernel, Point point, Replicates time, double score, double error, String unit,
                   double bytesPerOp, double gcCount, double gcMillis, double[] iterations) {
    /** Without the raw iterations (a figure built by hand). */
    Measurement(Kernel kernel, Point point, Replicates time, double score, double error, String unit, double bytesPerOp, double gcCount,
                double gcMillis) {
        this(kernel, point, time, score, error, unit, bytesPerOp, gcCount, gcMillis, new double[0]);
    }

    /** The mean of the fork means. */
    double seconds() { return time.mean(); }

    /** The rate of the minimal count (NaN where flops are not counted). */
    double flopRate() { return point.flops() / seconds(); }

    /** The rate of the flops the code performs, where it performs more than the minimal count; NaN otherwise. */
    double executedFlopRate() { return point.executedFlops() / seconds(); }

    /** Compulsory bytes per second (NaN where the bytes are not counted). */
    double byteRate() { return point.bytes() / seconds(); }

    /** Flops per byte of compulsory traffic. */
    double intensity() { return point.flops() / point.bytes(); }
}
