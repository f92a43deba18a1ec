package org.optreport.report;

import static org.optreport.report.TrajectoryValues.max;

import com.fasterxml.jackson.databind.JsonNode;
import org.optreport.experiment.Json;

/** The recorded series of one run, with the quantities the figures need. */
record TrajectoryRun(JsonNode json, double[] step, double[] networkLoss, double[] dynamicsLoss, double[] distance,
                     double[] imbalance, double optimalLoss, boolean diverged) {
    static TrajectoryRun of(JsonNode r) {
        JsonNode series = r.get("series");
        return new TrajectoryRun(r, Json.doubles(series.get("step")), Json.doubles(series.get("networkLoss")),
                Json.doubles(series.get("dynamicsLoss")), Json.doubles(series.get("distance")),
                Json.doubles(series.get("imbalance")), r.get("optimalLoss").asDouble(), r.path("diverged").asBoolean(false));
    }

    double maxDistance() { return max(distance); }

    double[] networkExcess() { return excess(networkLoss); }

    double[] dynamicsExcess() { return excess(dynamicsLoss); }

    private double[] excess(double[] loss) {
        double[] e = new double[loss.length];
        for (int i = 0; i < e.length; i++) e[i] = loss[i] - optimalLoss;
        return e;
    }

    /** The recorded step at which the distance is largest. */
    double stepOfMaxDistance() {
        int best = 0;
        for (int i = 1; i < distance.length; i++) if (distance[i] > distance[best]) best = i;
        return step[best];
    }

    /** First recorded step from which the excess loss stays at or below target until the end; -1 if never. */
    int stepsToReach(double[] excess, double target) {
        if (diverged || excess.length == 0 || !(excess[excess.length - 1] <= target)) return -1;
        int i = excess.length - 1;
        while (i > 0 && excess[i - 1] <= target) i--;
        return (int) step[i];
    }
}
