package org.optreport.report.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryPathsTest {
    /** Points on a circle of radius r, as 1x2 matrices. */
    private static List<double[][]> circle(double r, int points, double from, double to) {
        List<double[][]> out = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double a = from + (to - from) * i / (points - 1);
            out.add(new double[][] {{r * Math.cos(a), r * Math.sin(a)}});
        }
        return out;
    }

    @Test void aConcentricArcIsAsFarAsTheDifferenceOfTheRadii() {
        // the nearest point of a finely drawn arc of radius 1 to a point at radius 1.3 (inside the arc's angles) is 0.3 away,
        // however the iterates are timed against the path
        List<double[][]> path = circle(1, 20_000, 0, Math.PI);
        List<double[][]> iterates = circle(1.3, 7, 0.5, 2.5);
        assertEquals(0.3, TrajectoryPaths.largestDistanceToPath(iterates, path), 1e-6);
    }

    @Test void theNearestPointMayLieInsideASegmentOrAtItsEnd() {
        double[] a = {0, 0}, b = {2, 0};
        assertEquals(1.0, TrajectoryPaths.distanceToSegment(new double[] {1, 1}, a, b), 1e-15);
        assertEquals(5.0, TrajectoryPaths.distanceToSegment(new double[] {5, 4}, a, b), 1e-15);
        assertEquals(Math.sqrt(2), TrajectoryPaths.distanceToPolygon(new double[] {-1, -1}, new double[][] {a, b}), 1e-15);
    }

    @Test void anIterateOnThePathButLateIsAtDistanceZero() {
        List<double[][]> path = List.of(new double[][] {{0, 0}}, new double[][] {{1, 0}}, new double[][] {{1, 1}});
        // the same points visited in the opposite order: the step-matched distance would be sqrt(2), the path distance is 0
        List<double[][]> iterates = List.of(new double[][] {{1, 1}}, new double[][] {{1, 0.5}}, new double[][] {{0, 0}});
        assertEquals(0.0, TrajectoryPaths.largestDistanceToPath(iterates, path), 0);
    }
}
