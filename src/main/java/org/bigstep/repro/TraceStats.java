package org.bigstep.repro;

import org.bigstep.io.TraceReader;

/**
 * The numbers a report quotes, computed from a trace read back from disk (never from the run in memory),
 * so that a report can be checked against its traces. Traces of every step give exact phase steps;
 * sparser traces give them at trace resolution.
 */
public final class TraceStats {

    private TraceStats() {
    }

    /** The last step whose loss is above the previous row's, -1 if none. */
    public static long lastIncrease(TraceReader.Trace t) {
        double[] loss = t.column("loss");
        double[] steps = t.steps();
        for (int i = loss.length - 1; i > 0; i--) {
            if (loss[i] > loss[i - 1]) {
                return (long) steps[i];
            }
        }
        return -1;
    }

    /** How many rows have a loss above the previous row's. */
    public static long increases(TraceReader.Trace t) {
        double[] loss = t.column("loss");
        long n = 0;
        for (int i = 1; i < loss.length; i++) {
            if (loss[i] > loss[i - 1]) {
                n++;
            }
        }
        return n;
    }

    /** The first step with loss at or below the threshold, -1 if none. */
    public static long firstAtOrBelow(TraceReader.Trace t, String column, double threshold) {
        double[] v = t.column(column);
        for (int i = 0; i < v.length; i++) {
            if (v[i] <= threshold) {
                return (long) t.steps()[i];
            }
        }
        return -1;
    }

    /** The first step where the column is above the value, -1 if none. */
    public static long firstAbove(TraceReader.Trace t, String column, double value) {
        double[] v = t.column(column);
        for (int i = 0; i < v.length; i++) {
            if (v[i] > value) {
                return (long) t.steps()[i];
            }
        }
        return -1;
    }

    /** The largest finite value of the column, NaN if none. */
    public static double max(TraceReader.Trace t, String column) {
        double m = Double.NaN;
        for (double x : t.column(column)) {
            if (Double.isFinite(x) && !(x <= m)) {
                m = x;
            }
        }
        return m;
    }

    /** The column's value in the last row. */
    public static double last(TraceReader.Trace t, String column) {
        double[] v = t.column(column);
        return v[v.length - 1];
    }

    /** The column's value at a step, NaN if the trace has no such row. */
    public static double at(TraceReader.Trace t, String column, long step) {
        double[] s = t.steps();
        int i = java.util.Arrays.binarySearch(s, step);
        return i >= 0 ? t.column(column)[i] : Double.NaN;
    }

    /**
     * Decreases of a column from one row to the next at steps after {@code fromStep} (rows with an
     * undefined value are skipped): how many, the largest drop, and the largest drop relative to the value.
     */
    public record Decreases(long count, double largest, double largestRelative, long rows, double[] relative) {
        public boolean monotone() {
            return count == 0;
        }

        /** How many decreases were larger than {@code tolerance} relative to the value. */
        public long beyond(double tolerance) {
            long n = 0;
            for (double r : relative) {
                n += r > tolerance ? 1 : 0;
            }
            return n;
        }
    }

    public static Decreases decreasesAfter(TraceReader.Trace t, String column, long fromStep) {
        double[] v = t.column(column);
        double[] s = t.steps();
        long count = 0;
        long rows = 0;
        double largest = 0;
        double relative = 0;
        double prev = Double.NaN;
        double[] rel = new double[16];
        for (int i = 0; i < v.length; i++) {
            if (s[i] < fromStep || !Double.isFinite(v[i])) {
                continue;
            }
            rows++;
            if (Double.isFinite(prev) && v[i] < prev) {
                count++;
                largest = Math.max(largest, prev - v[i]);
                double r = (prev - v[i]) / Math.abs(prev);
                relative = Math.max(relative, r);
                if (count > rel.length) {
                    rel = java.util.Arrays.copyOf(rel, rel.length * 2);
                }
                rel[(int) count - 1] = r;
            }
            prev = v[i];
        }
        return new Decreases(count, largest, relative, rows, java.util.Arrays.copyOf(rel, (int) count));
    }

    /** A least-squares line y = intercept + slope x with its coefficient of determination. */
    public record Fit(double slope, double intercept, double r2, int points) {
    }

    /** Fits log10 y against log10 x over the points where both are positive and finite. */
    public static Fit logLogFit(double[] x, double[] y) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0) || !Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            double lx = Math.log10(x[i]);
            double ly = Math.log10(y[i]);
            n++;
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            syy += ly * ly;
        }
        if (n < 2) {
            return new Fit(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double cxx = sxx - sx * sx / n;
        double cxy = sxy - sx * sy / n;
        double cyy = syy - sy * sy / n;
        double slope = cxy / cxx;
        double intercept = (sy - slope * sx) / n;
        double r2 = cyy > 0 ? cxy * cxy / (cxx * cyy) : 1;
        return new Fit(slope, intercept, r2, n);
    }
}
