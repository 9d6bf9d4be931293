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

    private final int n;
    private final int d;
    private final int m;
    private final int stride;
    private final float[] columns;
    private final float[] y;
    private final float[] coefficient;
    private final RowActivation activation;
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

        Scratch(int m, int d, int lanes) {
            z = new float[m * lanes];
            value = new float[m * lanes];
            slope = new float[m * lanes];
            accumulators = new float[m * d * lanes];
            this.lanes = new float[lanes];
            g = new float[lanes];
        }
    }

    ColumnEvaluator(KernelSpec spec, int workers, RowActivation activation) {
        this.n = spec.data().size();
        this.d = spec.data().dimension();
        this.m = spec.width();
        this.activation = activation;
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
    public double evaluate(int worker, float[] w, int from, int to, float[] margins, float[] gradient, double shift) {
        Scratch s = scratch[worker];
        float[] acc = s.accumulators;
        Arrays.fill(acc, 0f);
        double loss;
        for (int i0 = from; i0 < to; i0 += L) {
            int valid = Math.min(L, to - i0);
            for (int j = 0; j < m; j++) {
                FloatVector z = FloatVector.zero(SPECIES);
                for (int k = 0; k < d; k++) {
                    z = FloatVector.fromArray(SPECIES, columns, k * stride + i0).fma(FloatVector.broadcast(SPECIES, w[j * d + k]), z);
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
        loss = lossSum(margins, from, to, s.lanes);
        for (int jk = 0; jk < m * d; jk++) {
            // lanes summed in a fixed order (reduceLanes(ADD) may reassociate, differently in compiled code)
            float sum = 0;
            for (int l = 0; l < L; l++) {
                sum += acc[jk * L + l];
            }
            gradient[jk] = sum;
        }
        return loss;
    }

    /**
     * From f in s.lanes: margins q = y f and g = -y sigmoid(-q) / n into s.g (the loss is summed later from the
     * margins, see {@link #lossSum}: C2's node budget cuts off inlining when both polynomials share a loop).
     */
    private void logistic(Scratch s, int i0, int valid, float[] margins, double shift) {
        FloatVector yv = FloatVector.fromArray(SPECIES, y, i0);
        FloatVector q = yv.mul(FloatVector.fromArray(SPECIES, s.lanes, 0));
        if (shift == 0 && valid == L && !q.compare(VectorOperators.GT, FLOAT_LOSS_LIMIT).anyTrue()) {
            q.intoArray(margins, i0);
            FloatVector t = VectorMath.exp(q.abs().neg());
            FloatVector r = t.add(1f);
            r = r.broadcast(1f).div(r);
            FloatVector tail = t.mul(r).blend(r, q.compare(VectorOperators.LT, 0f)); // sigmoid(-q)
            yv.neg().mul(tail).div(n).intoArray(s.g, 0);
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
     * sum of log(1 + e^{-q}) over margins[from, to): max(-q, 0) + log1p(e^{-|q|}) in float lanes (relative error
     * about 1e-7), summed in double lane by lane; groups with a margin above FLOAT_LOSS_LIMIT, whose e^{-q} nears
     * the float underflow, and the tail use the scalar kernel's double loss.
     */
    private double lossSum(float[] margins, int from, int to, float[] lanes) {
        double loss = 0;
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector q = FloatVector.fromArray(SPECIES, margins, i);
            if (q.compare(VectorOperators.GT, FLOAT_LOSS_LIMIT).anyTrue()) {
                for (int l = 0; l < L; l++) {
                    loss += Logistic.loss(margins[i + l]);
                }
            } else {
                FloatVector t = VectorMath.exp(q.abs().neg());
                q.neg().max(0f).add(VectorMath.log1p(t)).intoArray(lanes, 0);
                for (int l = 0; l < L; l++) {
                    loss += lanes[l]; // in order and in double: reduceLanes(ADD) may reassociate
                }
            }
        }
        for (; i < to; i++) {
            loss += Logistic.loss(margins[i]);
        }
        return loss;
    }
}
