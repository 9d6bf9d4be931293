package org.bigstep.kernel.vector;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.RangeEvaluator;
import org.bigstep.loss.Logistic;

/**
 * The step for tiny d (the paper's XOR d = 2, Figure 4 d = 3): vectorised across samples, because a vector
 * along d would be mostly empty. A template defined once per width by {@link SpeciesTemplates}.
 *
 * <p>X is copied once into columns (d x n, padded): one vector holds coordinate k of L consecutive samples.
 * Per group of L samples: z_j = sum_k w_jk x_k (broadcast weights), phi and phi' of all m neurons at once,
 * f, margins, loss and g per sample, then the gradient contributions c_j x_k are accumulated lane-wise in
 * m d vectors and reduced across lanes once per range.
 */
final class ColumnEvaluator implements RangeEvaluator {

    static final VectorSpecies<Float> SPECIES = SpeciesTemplates.species(MethodHandles.lookup());
    private static final int L = SPECIES.length();
    /** Margins above this take the scalar loss: e^{-q} nears the float underflow (loss relative error ~1e-7 below). */
    static final float FLOAT_LOSS_LIMIT = 80f;
    /** Groups of L margins per pass of {@link #lossSum}. */
    static final int LOSS_GROUPS = 32;

    private final int n;
    private final int d;
    private final int m;
    private final int stride;
    private final float[] columns;
    private final float[] y;
    private final float[] coefficient;
    private final RowActivation activation;
    /** sigmoid and softplus at width L: -l'(q) = sigmoid(-q) and the logistic loss l(q) = softplus(-q). */
    private final RowActivation sigmoid;
    private final RowActivation softplus;
    private final Scratch[] scratch;

    /**
     * Per-worker buffers. The lane count is passed in: a nested class is not part of the per-width copy and
     * would read the ordinary template's {@code L} (the preferred width).
     */
    private static final class Scratch {
        final float[] z;
        final float[] value;
        final float[] slope;
        final float[] accumulators;
        final float[] lanes;
        final float[] g;
        /** -q, and sigmoid or softplus of it with slopes: one group in {@link #logistic}, LOSS_GROUPS in lossSum. */
        final float[] t;
        final float[] terms;
        final float[] slopes;

        Scratch(int m, int d, int lanes) {
            z = new float[m * lanes];
            value = new float[m * lanes];
            slope = new float[m * lanes];
            accumulators = new float[m * d * lanes];
            this.lanes = new float[lanes];
            g = new float[lanes];
            t = new float[LOSS_GROUPS * lanes];
            terms = new float[LOSS_GROUPS * lanes];
            slopes = new float[LOSS_GROUPS * lanes];
        }
    }

    ColumnEvaluator(KernelSpec spec, int workers, RowActivation activation, RowActivation sigmoid,
            RowActivation softplus) {
        this.n = spec.data().size();
        this.d = spec.data().dimension();
        this.m = spec.width();
        this.activation = activation;
        this.sigmoid = sigmoid;
        this.softplus = softplus;
        this.coefficient = spec.outputCoefficients();
        // one extra vector of padding: a range may start anywhere and its last group reads L lanes
        this.stride = (n + L - 1) / L * L + L;
        float[] x = spec.data().features();
        this.columns = new float[d * stride];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                columns[k * stride + i] = x[i * d + k];
            }
        }
        this.y = Arrays.copyOf(spec.data().labels(), stride);
        this.scratch = new Scratch[workers];
        for (int t = 0; t < workers; t++) {
            scratch[t] = new Scratch(m, d, L);
        }
    }

    @Override
    public int partialLength() {
        return m * d;
    }

    @Override
    public void reduce(float[][] partials, float[] gradient, int from, int to) {
        RangeEvaluator.sumInOrder(partials, gradient, from * d, to * d);
    }

    @Override
    public double evaluate(int worker, float[] w, int from, int to, float[] margins, float[] gradient, double shift) {
        Scratch s = scratch[worker];
        float[] acc = s.accumulators;
        Arrays.fill(acc, 0f);
        for (int i0 = from; i0 < to; i0 += L) {
            group(s, w, i0, Math.min(L, to - i0), margins, shift);
        }
        double risk = lossSum(s, margins, from, to);
        for (int jk = 0; jk < m * d; jk++) {
            // lanes summed in a fixed order (reduceLanes(ADD) may reassociate, differently in compiled code)
            float sum = 0;
            for (int l = 0; l < L; l++) {
                sum += acc[jk * L + l];
            }
            gradient[jk] = sum;
        }
        return risk;
    }

    /** One group of L samples from i0 ({@code valid} of them in range): Z, phi, f, g, and G += C^T X into s. */
    private void group(Scratch s, float[] w, int i0, int valid, float[] margins, double shift) {
        float[] acc = s.accumulators;
        for (int j = 0; j < m; j++) {
            FloatVector z = FloatVector.zero(SPECIES);
            for (int k = 0; k < d; k++) {
                FloatVector x = FloatVector.fromArray(SPECIES, columns, k * stride + i0);
                z = x.fma(FloatVector.broadcast(SPECIES, w[j * d + k]), z);
            }
            z.intoArray(s.z, j * L);
        }
        activation.apply(s.z, s.value, s.slope, 0, m * L);
        FloatVector f = FloatVector.zero(SPECIES);
        for (int j = 0; j < m; j++) {
            f = FloatVector.fromArray(SPECIES, s.value, j * L).fma(FloatVector.broadcast(SPECIES, coefficient[j]), f);
        }
        f.intoArray(s.lanes, 0);
        logistic(s, i0, valid, margins, shift);
        FloatVector g = FloatVector.fromArray(SPECIES, s.g, 0);
        for (int j = 0; j < m; j++) {
            FloatVector c = g.mul(coefficient[j]).mul(FloatVector.fromArray(SPECIES, s.slope, j * L));
            int a = j * d * L;
            for (int k = 0; k < d; k++) {
                FloatVector x = FloatVector.fromArray(SPECIES, columns, k * stride + i0);
                c.fma(x, FloatVector.fromArray(SPECIES, acc, a + k * L)).intoArray(acc, a + k * L);
            }
        }
    }

    /**
     * From f in s.lanes: margins q = y f and g = -y sigmoid(-q) / n into s.g; the loss itself is summed later
     * from the margins ({@link #lossSum}).
     */
    private void logistic(Scratch s, int i0, int valid, float[] margins, double shift) {
        FloatVector yv = FloatVector.fromArray(SPECIES, y, i0);
        FloatVector q = yv.mul(FloatVector.fromArray(SPECIES, s.lanes, 0));
        if (shift == 0 && valid == L && !q.compare(VectorOperators.GT, FLOAT_LOSS_LIMIT).anyTrue()) {
            q.intoArray(margins, i0);
            q.neg().intoArray(s.t, 0);
            sigmoid.apply(s.t, s.terms, s.slopes, 0, L);
            yv.neg().mul(FloatVector.fromArray(SPECIES, s.terms, 0)).div(n).intoArray(s.g, 0);
            return;
        }
        // a partial group, a margin whose e^{-q} would leave the float range, or a shifted gradient (late
        // training, every margin above 40): the scalar kernel's g, formed in double
        q.intoArray(s.lanes, 0);
        for (int l = 0; l < valid; l++) {
            float ql = s.lanes[l];
            margins[i0 + l] = ql;
            s.g[l] = (float) (-y[i0 + l] * Logistic.scaledNegativeDerivative(ql, shift) / n);
        }
        for (int l = valid; l < L; l++) {
            s.g[l] = 0f; // lanes past the range contribute nothing
        }
    }

    /**
     * sum of log(1 + e^{-q}) = softplus(-q) over margins[from, to), in float lanes (relative error about 1e-7) a
     * chunk of groups at a time, summed in double lane by lane; groups with a margin above FLOAT_LOSS_LIMIT, whose
     * e^{-q} nears the float underflow, and the tail use the scalar kernel's double loss.
     */
    private double lossSum(Scratch s, float[] margins, int from, int to) {
        double sum = 0;
        int full = from + (to - from) / L * L;
        for (int c = from; c < full; c += s.t.length) {
            int e = Math.min(full, c + s.t.length);
            for (int i = c; i < e; i += L) {
                FloatVector.fromArray(SPECIES, margins, i).neg().intoArray(s.t, i - c);
            }
            softplus.apply(s.t, s.terms, s.slopes, 0, e - c);
            for (int i = c; i < e; i += L) {
                FloatVector q = FloatVector.fromArray(SPECIES, margins, i);
                if (q.compare(VectorOperators.GT, FLOAT_LOSS_LIMIT).anyTrue()) {
                    for (int l = 0; l < L; l++) {
                        sum += Logistic.loss(margins[i + l]);
                    }
                } else {
                    for (int l = 0; l < L; l++) {
                        sum += s.terms[i - c + l]; // in order and in double: reduceLanes(ADD) may reassociate
                    }
                }
            }
        }
        for (int i = full; i < to; i++) {
            sum += Logistic.loss(margins[i]);
        }
        return sum;
    }
}
