package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The matrix products of the deep-linear-network kernels, through EJML, with a running count of the floating-point
 * operations they perform (a product of m x k by k x n: m k n multiplies and as many adds, 2mkn). The benchmarks'
 * flop formulas are checked against this count (the kernels' code, not a second reading of it); keeping the count
 * costs one addition per product.
 */
final class CountedProducts {
    private long flops;

    /** Floating-point operations performed since construction. */
    long flops() { return flops; }

    /** Operations a kernel performs outside a product (element-wise fills, differences). */
    void count(long operations) { flops += operations; }

    /** c = a b. */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.mult(a, b, c);
        flops += 2L * a.numRows * a.numCols * b.numCols;
    }

    /** c += a b. */
    void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multAdd(a, b, c);
        flops += 2L * a.numRows * a.numCols * b.numCols;
    }

    /** c = a^T b. */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multTransA(a, b, c);
        flops += 2L * a.numCols * a.numRows * b.numCols;
    }

    /** c += a^T b. */
    void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multAddTransA(a, b, c);
        flops += 2L * a.numCols * a.numRows * b.numCols;
    }

    /** c = a b^T. */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multTransB(a, b, c);
        flops += 2L * a.numRows * a.numCols * b.numRows;
    }

    /** c += a b^T. */
    void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        CommonOps_DDRM.multAddTransB(a, b, c);
        flops += 2L * a.numRows * a.numCols * b.numRows;
    }
}
