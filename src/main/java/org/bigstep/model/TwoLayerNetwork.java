package org.bigstep.model;

import java.util.Random;
import org.bigstep.activation.Activation;

/**
 * f(W; x) = (b/m) sum_j a_j phi(&lt;w_j, x&gt;): width m, fixed signs a_j in {-1, +1}, scale b, and the
 * trained weights W (m x d, row-major, neuron j at {@code j * d}).
 *
 * <p>W is held in double: late in training an update is far below float32 resolution relative to W
 * and would round away (PAPER.md, numerical facts). Kernels read a float32 copy, {@link #copyWeightsTo}.
 */
public final class TwoLayerNetwork {

    private final int m;
    private final int d;
    private final double scale;
    private final double[] signs;
    private final double[] weights;

    /**
     * @param signs   the m output signs a_j, each -1 or +1 (copied)
     * @param scale   b, positive and finite
     * @param weights m * d initial weights, row-major (copied)
     */
    public TwoLayerNetwork(double[] signs, double scale, double[] weights, int d) {
        if (signs.length < 1 || d < 1) {
            throw new IllegalArgumentException("network: expected width >= 1 and d >= 1, found m=" + signs.length + ", d=" + d);
        }
        if ((long) signs.length * d != weights.length) {
            throw new IllegalArgumentException("network: expected m*d = " + signs.length + "*" + d + " weights, found " + weights.length);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("network: expected a positive finite scale b, found " + scale);
        }
        for (int j = 0; j < signs.length; j++) {
            if (signs[j] != 1 && signs[j] != -1) {
                throw new IllegalArgumentException("network: neuron " + j + ": expected sign -1 or +1, found " + signs[j]);
            }
        }
        for (int k = 0; k < weights.length; k++) {
            if (!Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("network: neuron " + k / d + ", weight " + k % d + ": expected a finite number, found " + weights[k]);
            }
        }
        this.m = signs.length;
        this.d = d;
        this.scale = scale;
        this.signs = signs.clone();
        this.weights = weights.clone();
    }

    /** The default signs: the first ceil(m/2) neurons +1, the rest -1. */
    public static double[] defaultSigns(int m) {
        double[] a = new double[m];
        for (int j = 0; j < m; j++) {
            a[j] = j < (m + 1) / 2 ? 1 : -1;
        }
        return a;
    }

    /**
     * Default signs and W with i.i.d. N(0, initScale^2 / d) entries drawn from {@code java.util.Random(seed)}
     * in row-major order (a specified algorithm, so every JDK draws the same W).
     */
    public static TwoLayerNetwork initialize(int m, int d, long seed, double initScale, double scale) {
        if (!(initScale >= 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("network: expected a finite init scale >= 0, found " + initScale);
        }
        if (m < 1 || d < 1) {
            throw new IllegalArgumentException("network: expected width >= 1 and d >= 1, found m=" + m + ", d=" + d);
        }
        Random random = new Random(seed);
        double sd = initScale / Math.sqrt(d);
        double[] w = new double[m * d];
        for (int k = 0; k < w.length; k++) {
            w[k] = sd * random.nextGaussian();
        }
        return new TwoLayerNetwork(defaultSigns(m), scale, w, d);
    }

    public int width() {
        return m;
    }

    public int dimension() {
        return d;
    }

    public double scale() {
        return scale;
    }

    /** a_j. */
    public double sign(int j) {
        return signs[j];
    }

    /** A copy of the m signs. */
    public double[] signs() {
        return signs.clone();
    }

    /** The live master weights, row-major m x d: GD updates them in place. */
    public double[] weights() {
        return weights;
    }

    /** Rounds W to float32 into {@code out} (length m * d), the copy the kernels read. */
    public void copyWeightsTo(float[] out) {
        for (int k = 0; k < weights.length; k++) {
            out[k] = (float) weights[k];
        }
    }

    /** ||W||_F in double, its squares summed in the order of {@link #sumOfSquares}. */
    public double frobeniusNorm() {
        return Math.sqrt(sumOfSquares(weights, m, d));
    }

    /**
     * The sum of squares of an m x d row-major array in double, in the one order every weight and gradient norm of
     * bigstep uses: each row by {@link #rowSumOfSquares}, then the rows added in order. Rows are the unit, so the
     * kernel's threads can sum theirs and the result stays the same for any thread count.
     */
    public static double sumOfSquares(double[] a, int m, int d) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += rowSumOfSquares(a, j * d, (j + 1) * d);
        }
        return s;
    }

    /**
     * a[from..to) squared and summed in four interleaved partial sums (element from + 4i + r into sum r, the last
     * to - from mod 4 elements into sum 0 in order), combined as (s0 + s1) + (s2 + s3): four chains of additions
     * instead of one, so the sum is not bound by the latency of a double add.
     */
    public static double rowSumOfSquares(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 4 <= to; k += 4) {
            s0 += a[k] * a[k];
            s1 += a[k + 1] * a[k + 1];
            s2 += a[k + 2] * a[k + 2];
            s3 += a[k + 3] * a[k + 3];
        }
        for (; k < to; k++) {
            s0 += a[k] * a[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** &lt;w_j, x&gt; in double, x row-major at offset. */
    public double preActivation(int j, float[] x, int offset) {
        double z = 0;
        for (int k = 0; k < d; k++) {
            z += weights[j * d + k] * x[offset + k];
        }
        return z;
    }

    /** f(W; x) in double for the row of {@code x} starting at {@code offset}. */
    public double output(Activation phi, float[] x, int offset) {
        double f = 0;
        for (int j = 0; j < m; j++) {
            f += signs[j] * phi.value(preActivation(j, x, offset));
        }
        return scale / m * f;
    }

    /** A deep copy, for snapshots and references. */
    public TwoLayerNetwork copy() {
        return new TwoLayerNetwork(signs, scale, weights, d);
    }
}
