package org.optreport.report.study;

import java.util.Objects;
import org.optreport.experiment.RunRequest;

/**
 * A run a study planned, typed by the record its result is read as. The study keeps the handle from
 * {@link RunPlan} and gets the result back with it in {@code analyze}, so no result is found by rebuilding a request.
 */
public final class Run<T> {
    private final RunRequest request;
    private final Class<T> resultType;
    private final boolean divergenceExpected;

    Run(RunRequest request, Class<T> resultType, boolean divergenceExpected) {
        this.request = Objects.requireNonNull(request);
        this.resultType = Objects.requireNonNull(resultType);
        this.divergenceExpected = divergenceExpected;
    }

    public RunRequest request() { return request; }

    public Class<T> resultType() { return resultType; }

    /**
     * True for runs that probe for instability on purpose (a learning-rate grid searching for the largest stable rate):
     * their divergence is part of the finding, so the build neither warns about it nor fails under --strict.
     */
    public boolean divergenceExpected() { return divergenceExpected; }

    @Override public String toString() { return request.toString(); }
}
