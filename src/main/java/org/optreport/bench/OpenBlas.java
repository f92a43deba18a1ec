package org.optreport.bench;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS as the benchmarks use it: loaded through JavaCPP (its natives are bundled for linux-x86_64 only) and
 * restricted to one thread, so that the reference is one core like every kernel it is compared with.
 */
public final class OpenBlas {
    private OpenBlas() {}

    /** Whether the natives load on this machine (false elsewhere than linux-x86_64): the DGEMM benchmark is skipped then. */
    public static boolean available() {
        try {
            singleThreaded();
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** Loads OpenBLAS and sets its thread count to one. */
    static void singleThreaded() {
        openblas_nolapack.blas_set_num_threads(1);
        if (openblas_nolapack.blas_get_num_threads() != 1)
            throw new IllegalStateException("OpenBLAS did not accept one thread: " + openblas_nolapack.blas_get_num_threads());
    }

    /** OpenBLAS's version as its header states it (the binding's build), for the page. */
    public static String version() {
        return openblas_nolapack.OPENBLAS_VERSION.trim();
    }
}
