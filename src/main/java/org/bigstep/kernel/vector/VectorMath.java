package org.bigstep.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Float elementary functions on vectors of any width, as plain polynomials (no SVML stubs), so results are
 * the same on every JDK and machine and the JIT inlines them into the fused loop. Measured trade-off:
 * {@code lanewise(VectorOperators.EXP)} (SVML on JDK 17, AVX2) made the fused softplus step 5-15% faster
 * (n=1024 d=784 m=16: 1.33-1.49 vs 1.60-1.67 ms; n=4096 d=2 m=32: 0.88-0.97 vs 0.94-1.01 ms), but its
 * results are not specified to the bit and differ between JDKs, widths and machines (512 bits on AVX2
 * falls back to Math.exp per lane), so a trace would no longer replay bit for bit elsewhere.
 *
 * <p>Each function is one call: C2 stops inlining once a compilation unit reaches its node budget
 * (NodeCountInliningCutoff), and Vector API code is node-heavy, so callers keep at most two of these per
 * loop and write trivial helpers (blends) inline; a call that is not inlined boxes its vectors.
 *
 * <p>Nothing here names a species: constants come from {@code x.broadcast(c)}, so one copy serves every
 * width. Measured maximum errors (against double, over a dense grid, see VectorMathTest):
 * {@link #exp} 2 ulp on [-87, 88]; {@link #log1p} 3 ulp on [0, 1] (relative, also for tiny t); the GELU
 * pieces about 2e-7 absolute (see ActivationRows).
 */
final class VectorMath {

    private VectorMath() {
    }

    static final float LOG2E = 1.44269504088896341f;
    // ln 2 split so that n * LN2_HI is exact for |n| <= 2^9 (Cody-Waite reduction)
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    // 1.5 * 2^23: adding it rounds to an integer in the low mantissa bits (round to nearest even)
    static final float ROUND_MAGIC = 12582912f;
    /** Inputs are clamped here: exp(-87.3) is still a normal float, and n = round(88 log2 e) = 127. */
    static final float EXP_MIN = -87.3f;
    static final float EXP_MAX = 88.0f;

    /** e^x for x clamped to [-87.3, 88]: below, the result stays at about 1.2e-38 instead of going subnormal. */
    static FloatVector exp(FloatVector x) {
        x = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = x.fma(x.broadcast(LOG2E), x.broadcast(ROUND_MAGIC));
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(x.broadcast(-LN2_HI), x);
        r = n.fma(x.broadcast(-LN2_LO), r);
        // e^r on |r| <= ln2/2 by Taylor to r^7: truncation 5e-9 relative, below half an ulp
        FloatVector p = r.fma(x.broadcast(1f / 5040), x.broadcast(1f / 720));
        p = p.fma(r, x.broadcast(1f / 120));
        p = p.fma(r, x.broadcast(1f / 24));
        p = p.fma(r, x.broadcast(1f / 6));
        p = p.fma(r, x.broadcast(0.5f));
        p = p.fma(r, x.broadcast(1f));
        p = p.fma(r, x.broadcast(1f));
        // 2^n: n sits in the low mantissa bits of t; shifting by 23 moves it into the exponent field
        IntVector bits = ((IntVector) t.reinterpretAsInts()).lanewise(VectorOperators.LSHL, 23).add(127 << 23);
        return p.mul((FloatVector) bits.reinterpretAsFloats());
    }

    /**
     * log(1 + t) for t in [0, 1] with relative accuracy near 0: with s = t / (2 + t) in [0, 1/3],
     * log1p(t) = 2 atanh(s) = 2 s (1 + s^2/3 + s^4/5 + ...), truncated after s^14 (error below 2e-9).
     */
    static FloatVector log1p(FloatVector t) {
        FloatVector s = t.div(t.add(2f));
        FloatVector s2 = s.mul(s);
        FloatVector p = s2.fma(s2.broadcast(1f / 15), s2.broadcast(1f / 13));
        p = p.fma(s2, s2.broadcast(1f / 11));
        p = p.fma(s2, s2.broadcast(1f / 9));
        p = p.fma(s2, s2.broadcast(1f / 7));
        p = p.fma(s2, s2.broadcast(1f / 5));
        p = p.fma(s2, s2.broadcast(1f / 3));
        p = p.fma(s2, s2.broadcast(1f));
        return s.add(s).mul(p);
    }

    // Abramowitz & Stegun 7.1.26: erfc(u) = tau (a1 + tau (a2 + ...)) e^{-u^2}, tau = 1/(1 + p u), u >= 0,
    // |error| <= 1.5e-7 in erf (absolute); the e^{-u^2} factor makes the error vanish in the tail.
    static final float ERF_P = 0.3275911f;
    static final float ERF_A1 = 0.254829592f;
    static final float ERF_A2 = -0.284496736f;
    static final float ERF_A3 = 1.421413741f;
    static final float ERF_A4 = -1.453152027f;
    static final float ERF_A5 = 1.061405429f;
    static final float INV_SQRT2 = 0.70710678118654752f;
    static final float INV_SQRT_2PI = 0.39894228040143268f;

    /**
     * erfc(|z|/sqrt 2) / 2 = Phi(-|z|), the lower tail of the normal CDF, given e = exp(-z^2/2).
     * Phi(z) is this for z < 0 and 1 minus it otherwise.
     */
    static FloatVector normalTail(FloatVector z, FloatVector e) {
        FloatVector u = z.abs().mul(INV_SQRT2);
        FloatVector tau = u.fma(u.broadcast(ERF_P), u.broadcast(1f));
        tau = tau.broadcast(1f).div(tau);
        FloatVector p = tau.fma(tau.broadcast(ERF_A5), tau.broadcast(ERF_A4));
        p = p.fma(tau, tau.broadcast(ERF_A3));
        p = p.fma(tau, tau.broadcast(ERF_A2));
        p = p.fma(tau, tau.broadcast(ERF_A1));
        return p.mul(tau).mul(e).mul(0.5f);
    }
}
