package org.bigstep.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Straightforward Vector API versions of {@link PieceLoops}: what plain vectorised loops (no cache
 * blocking, no fusion) reach, a floor the real kernel must beat. Not the kernel's code.
 */
final class VectorPieceLoops {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorPieceLoops() {
    }

    /** Dot-product form, one sample against 4 neurons at a time so each x load feeds 4 FMAs. */
    static void forward(float[] x, float[] w, int n, int d, int m, float[] z) {
        int bound = S.loopBound(d);
        int m4 = m - m % 4;
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            int j = 0;
            for (; j < m4; j += 4) {
                int w0 = j * d;
                int w1 = w0 + d;
                int w2 = w1 + d;
                int w3 = w2 + d;
                FloatVector a0 = FloatVector.zero(S);
                FloatVector a1 = FloatVector.zero(S);
                FloatVector a2 = FloatVector.zero(S);
                FloatVector a3 = FloatVector.zero(S);
                int k = 0;
                for (; k < bound; k += S.length()) {
                    FloatVector xv = FloatVector.fromArray(S, x, xi + k);
                    a0 = FloatVector.fromArray(S, w, w0 + k).fma(xv, a0);
                    a1 = FloatVector.fromArray(S, w, w1 + k).fma(xv, a1);
                    a2 = FloatVector.fromArray(S, w, w2 + k).fma(xv, a2);
                    a3 = FloatVector.fromArray(S, w, w3 + k).fma(xv, a3);
                }
                float s0 = a0.reduceLanes(VectorOperators.ADD);
                float s1 = a1.reduceLanes(VectorOperators.ADD);
                float s2 = a2.reduceLanes(VectorOperators.ADD);
                float s3 = a3.reduceLanes(VectorOperators.ADD);
                for (; k < d; k++) { // scalar tail of d
                    float xk = x[xi + k];
                    s0 += w[w0 + k] * xk;
                    s1 += w[w1 + k] * xk;
                    s2 += w[w2 + k] * xk;
                    s3 += w[w3 + k] * xk;
                }
                int zi = i * m + j;
                z[zi] = s0;
                z[zi + 1] = s1;
                z[zi + 2] = s2;
                z[zi + 3] = s3;
            }
            for (; j < m; j++) { // neuron tail: one at a time
                int wj = j * d;
                FloatVector a = FloatVector.zero(S);
                int k = 0;
                for (; k < bound; k += S.length()) {
                    a = FloatVector.fromArray(S, w, wj + k).fma(FloatVector.fromArray(S, x, xi + k), a);
                }
                float s = a.reduceLanes(VectorOperators.ADD);
                for (; k < d; k++) {
                    s += w[wj + k] * x[xi + k];
                }
                z[i * m + j] = s;
            }
        }
    }

    /**
     * GELU: phi(z) = z Phi(z), phi'(z) = Phi(z) + z pdf(z), with erf from Abramowitz and Stegun 7.1.26
     * (absolute error below 1.5e-7), the exponentials by lanewise EXP.
     */
    static void gelu(float[] z, int count, float[] p, float[] dp) {
        int bound = S.loopBound(count);
        int t = 0;
        for (; t < bound; t += S.length()) {
            FloatVector v = FloatVector.fromArray(S, z, t);
            FloatVector u = v.mul((float) (1 / Math.sqrt(2))); // erf argument
            FloatVector au = u.abs();
            FloatVector r = au.mul(0.3275911f).add(1f);
            FloatVector q = FloatVector.broadcast(S, 1f).div(r);
            FloatVector poly = q.mul(1.061405429f).add(-1.453152027f).mul(q).add(1.421413741f).mul(q)
                    .add(-0.284496736f).mul(q).add(0.254829592f).mul(q);
            FloatVector gauss = v.mul(v).mul(-0.5f).lanewise(VectorOperators.EXP); // exp(-z^2/2) = exp(-u^2)
            FloatVector erfAbs = FloatVector.broadcast(S, 1f).sub(poly.mul(gauss));
            FloatVector erf = erfAbs.blend(erfAbs.neg(), u.compare(VectorOperators.LT, 0f));
            FloatVector cdf = erf.add(1f).mul(0.5f);
            cdf.mul(v).intoArray(p, t);
            cdf.add(v.mul(gauss).mul((float) (1 / Math.sqrt(2 * Math.PI)))).intoArray(dp, t);
        }
        for (; t < count; t++) { // scalar tail, same formulas
            double zt = z[t];
            double u = zt / Math.sqrt(2);
            double q = 1 / (1 + 0.3275911 * Math.abs(u));
            double poly = ((((1.061405429 * q - 1.453152027) * q + 1.421413741) * q - 0.284496736) * q + 0.254829592) * q;
            double gauss = Math.exp(-zt * zt / 2);
            double erf = Math.copySign(1 - poly * gauss, u);
            double cdf = 0.5 * (1 + erf);
            p[t] = (float) (zt * cdf);
            dp[t] = (float) (cdf + zt * gauss / Math.sqrt(2 * Math.PI));
        }
    }

    /** Sample by sample, 4 neurons per x load (axpy form, load/store bound by design). */
    static void gradient(float[] x, float[] c, int n, int d, int m, float[] g) {
        java.util.Arrays.fill(g, 0, m * d, 0f);
        int bound = S.loopBound(d);
        int m4 = m - m % 4;
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            int ci = i * m;
            int j = 0;
            for (; j < m4; j += 4) {
                int g0 = j * d;
                int g1 = g0 + d;
                int g2 = g1 + d;
                int g3 = g2 + d;
                FloatVector c0 = FloatVector.broadcast(S, c[ci + j]);
                FloatVector c1 = FloatVector.broadcast(S, c[ci + j + 1]);
                FloatVector c2 = FloatVector.broadcast(S, c[ci + j + 2]);
                FloatVector c3 = FloatVector.broadcast(S, c[ci + j + 3]);
                int k = 0;
                for (; k < bound; k += S.length()) {
                    FloatVector xv = FloatVector.fromArray(S, x, xi + k);
                    xv.fma(c0, FloatVector.fromArray(S, g, g0 + k)).intoArray(g, g0 + k);
                    xv.fma(c1, FloatVector.fromArray(S, g, g1 + k)).intoArray(g, g1 + k);
                    xv.fma(c2, FloatVector.fromArray(S, g, g2 + k)).intoArray(g, g2 + k);
                    xv.fma(c3, FloatVector.fromArray(S, g, g3 + k)).intoArray(g, g3 + k);
                }
                for (; k < d; k++) { // scalar tail of d
                    float xk = x[xi + k];
                    g[g0 + k] += c[ci + j] * xk;
                    g[g1 + k] += c[ci + j + 1] * xk;
                    g[g2 + k] += c[ci + j + 2] * xk;
                    g[g3 + k] += c[ci + j + 3] * xk;
                }
            }
            for (; j < m; j++) {
                int gj = j * d;
                float cij = c[ci + j];
                FloatVector cv = FloatVector.broadcast(S, cij);
                int k = 0;
                for (; k < bound; k += S.length()) {
                    FloatVector.fromArray(S, x, xi + k).fma(cv, FloatVector.fromArray(S, g, gj + k)).intoArray(g, gj + k);
                }
                for (; k < d; k++) {
                    g[gj + k] += cij * x[xi + k];
                }
            }
        }
    }
}
