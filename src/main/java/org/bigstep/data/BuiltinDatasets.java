package org.bigstep.data;

import java.util.List;
import java.util.Random;

/**
 * The datasets of PAPER.md by name: {@code xor}, {@code fig4}, {@code twopoint[:gamma=G]} and
 * {@code separable:n=N,d=D,seed=S[,margin=G]}. Deterministic: the same spec gives the same bits.
 */
public final class BuiltinDatasets {

    public static final List<String> NAMES = List.of("xor", "fig4", "twopoint", "separable");

    /**
     * A generator asked for more values than this (1 GiB of float32) refuses whatever the heap; below it,
     * {@link Heap#require} refuses sizes the heap cannot hold, with the -Xmx that would do.
     */
    public static final long MAX_VALUES = 1L << 28;

    private BuiltinDatasets() {
    }

    public static boolean isBuiltin(String spec) {
        return NAMES.contains(Specs.parse(spec).name());
    }

    /** @throws IllegalArgumentException naming the bad parameter and what was expected */
    public static Dataset create(String spec) {
        Specs s = Specs.parse(spec);
        switch (s.name()) {
            case "xor":
                s.allow(List.of());
                return xor();
            case "fig4":
                s.allow(List.of());
                return fig4();
            case "twopoint":
                s.allow(List.of("gamma"));
                return twoPoint(s.number("gamma", 0.05));
            case "separable": {
                s.allow(List.of("n", "d", "seed", "margin"));
                long n = s.integer("n", 1000);
                long d = s.integer("d", 2);
                long seed = s.integer("seed", 0);
                if (n < 1 || d < 1) {
                    throw new IllegalArgumentException("'" + spec + "': expected n >= 1 and d >= 1, found n=" + n + ", d=" + d);
                }
                // n > MAX_VALUES / d, not n * d > MAX_VALUES: the product of two huge longs wraps around
                if (n > MAX_VALUES / d) {
                    throw new IllegalArgumentException("'" + spec + "': n*d = " + n + "*" + d + " values is more than the "
                            + MAX_VALUES + " a built-in generator makes; write the data to a file instead");
                }
                // under the cap, the heap decides: refuse before allocating rather than fail half way
                Heap.require(4 * n * d + 4 * n + 16 * d, "'" + spec + "' (" + n * d + " float32 values)");
                double margin = s.number("margin", 0.1 / Math.sqrt(d));
                return separable((int) n, (int) d, seed, margin);
            }
            default:
                throw new IllegalArgumentException("unknown dataset '" + spec + "'; expected one of " + String.join(", ", NAMES));
        }
    }

    /** The paper's XOR: (-1,-1) and (1,1) labelled +1, (1,-1) and (-1,1) labelled -1. */
    public static Dataset xor() {
        return Dataset.of("xor", new double[][] {{-1, -1}, {1, 1}, {1, -1}, {-1, 1}}, new double[] {1, 1, -1, -1});
    }

    /** Figure 4's five points in R^3; max-margin direction (1,0,0) with margin 0.05. */
    public static Dataset fig4() {
        return Dataset.of("fig4", new double[][] {
            {0.05, 1, 2}, {0.05, -2, 1}, {-1, 0, 2}, {0.05, -2, -2}, {0.05, 1, -2}},
            new double[] {1, 1, -1, 1, 1});
    }

    /** Theorem 4.3: x1 = (g, sqrt(1-g^2)), x2 = (g, -sqrt(1-g^2)/2), both labelled +1, 0 < g < 0.1. */
    public static Dataset twoPoint(double gamma) {
        if (!(gamma > 0 && gamma < 0.1)) {
            throw new IllegalArgumentException("twopoint: expected 0 < gamma < 0.1, found gamma=" + gamma);
        }
        double r = Math.sqrt(1 - gamma * gamma);
        return Dataset.of("twopoint:gamma=" + gamma, new double[][] {{gamma, r}, {gamma, -r / 2}}, new double[] {1, 1});
    }

    /**
     * Gaussian rows normalised to unit norm, labelled by the sign of their projection on a random unit
     * direction; rows closer than {@code margin} to the boundary are redrawn, so exactly n remain.
     */
    public static Dataset separable(int n, int d, long seed, double margin) {
        String name = "separable:n=" + n + ",d=" + d + ",seed=" + seed + ",margin=" + margin;
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException(name + ": expected 0 <= margin < 1, found " + margin);
        }
        Random random = new Random(seed);
        double[] u = unitGaussian(random, d);
        float[] x = new float[n * d];
        float[] y = new float[n];
        double[] row = new double[d];
        long attempts = 0;
        long maxAttempts = 1000L * n + 10_000;
        for (int i = 0; i < n; ) {
            if (++attempts > maxAttempts) {
                throw new IllegalArgumentException(name + ": fewer than 1 in 1000 random points lie at distance >= "
                        + margin + " from the boundary; expected a margin well below 1/sqrt(d) = " + 1 / Math.sqrt(d));
            }
            fillUnitGaussian(random, row);
            double p = 0;
            for (int k = 0; k < d; k++) {
                p += u[k] * row[k];
            }
            if (Math.abs(p) < margin || p == 0) {
                continue;
            }
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) row[k];
            }
            y[i] = p > 0 ? 1f : -1f;
            i++;
        }
        return new Dataset(name, x, y, d);
    }

    private static double[] unitGaussian(Random random, int d) {
        double[] v = new double[d];
        fillUnitGaussian(random, v);
        return v;
    }

    private static void fillUnitGaussian(Random random, double[] v) {
        double norm;
        do {
            double s = 0;
            for (int k = 0; k < v.length; k++) {
                v[k] = random.nextGaussian();
                s += v[k] * v[k];
            }
            norm = Math.sqrt(s);
        } while (norm == 0);
        for (int k = 0; k < v.length; k++) {
            v[k] /= norm;
        }
    }
}
