package org.optreport.report.performance;

/** One benchmarked kernel as the benchmarks result names it: the key of its table and values, and its title. */
record Kernel(String key, String title) {}
