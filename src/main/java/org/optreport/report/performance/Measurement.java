package org.optreport.report.performance;

/** One JMH result: the kernel, its size, the time per operation in seconds and JMH's own figures. */
record Measurement(Kernel kernel, Point point, double seconds, double errorSeconds, double score, double error, String unit,
                   double bytesPerOp) {
    double flopRate() { return point.flops() / seconds; }
}
