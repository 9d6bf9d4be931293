package org.bigstep.kernel.vector;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.bigstep.activation.Activation;

/**
 * Vectorised phi and phi' for every {@link Activation.Kind}; a template defined once per width by
 * {@link SpeciesTemplates}. The leaky forms are alpha z + beta base(z) with (alpha, beta) = (1/2, 1/2) for
 * leaky-softplus and (c, (1-c)/4) for leaky:c; the base is computed first, the affine part in a last
 * pass over the same L1-resident chunk.
 *
 * <p>No method here takes or returns a vector: each works on arrays, in passes over chunks of a row that stay
 * in L1 (the argument of e^x, e^x of the whole chunk, then phi and phi', the last pass of every exp-based form in
 * {@link #afterExp}, which C2 compiles on its own). A vector passed to or returned
 * from a call that C2 does not inline is boxed, one allocation per vector, and whether C2 inlines a 190-byte
 * helper depends on the call site's profile at compile time: with exp and log1p as vector-to-vector helpers, the
 * column kernel allocated 128 bytes per group of samples in most runs (n=400 d=3 m=40, both JDKs), because its
 * once-per-group call site had no profile yet when C2 compiled it. exp is one pass of its own, used by five
 * activations; log1p (softplus) and the erfc (gelu) sit in the one activation that uses each. All are plain
 * polynomials (no SVML stubs), so results are the same on every JDK and machine. Measured trade-off:
 * {@code lanewise(VectorOperators.EXP)} (SVML on JDK 17, AVX2) made the fused softplus step 5-15% faster
 * (n=1024 d=784 m=16: 1.33-1.49 vs 1.60-1.67 ms; n=4096 d=2 m=32: 0.88-0.97 vs 0.94-1.01 ms), but its
 * results are not specified to the bit and differ between JDKs, widths and machines (512 bits on AVX2
 * falls back to Math.exp per lane), so a trace would no longer replay bit for bit elsewhere.
 *
 * <p>Maximum errors |float - double| / max(1, |double|) against the double reference {@link
 * Activation#value}/{@link Activation#derivative}, measured over [-40, 40] in steps of 0.002 plus extreme
 * inputs (up to +-Float.MAX_VALUE), the same at 128, 256 and 512 bits (ActivationRowsTest asserts about
 * twice these): value / slope
 * softplus 1.2e-7 / 8.8e-8; leaky-softplus 1.0e-7 / 7.3e-8; gelu (A&amp;S 7.1.26 erfc) 2.1e-7 / 2.6e-7;
 * gelu-tanh 1.4e-7 / 1.7e-7; silu 1.4e-7 / 2.0e-7; sigmoid 8.8e-8 / 5.1e-8; huber-relu 7.5e-9 / 0; relu 0 / 0;
 * leaky:c=0.5,base=gelu 8.4e-8 / 5.0e-8. {@link #exp} is within 2 ulp on [-87, 88], and softplus within 3 ulp
 * relative down to z = -87, where its value is e^z and the logistic loss of a large margin (ActivationRowsTest).
 */
final class ActivationRows implements RowActivation {

    static final VectorSpecies<Float> SPECIES = SpeciesTemplates.species(MethodHandles.lookup());
    private static final int L = SPECIES.length();

    /** Beyond this |z| the smooth activations are 0 or z (and phi' 0 or 1) to float precision. */
    private static final float LINEAR_BEYOND = 30f;
    private static final float GELU_TANH_K = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_TANH_A = 0.044715f;
    /** Floats per pass of {@link #apply}: z, value and slope of a chunk (6 KiB) stay in L1 between passes. */
    private static final int CHUNK = 512;

    static final float LOG2E = 1.44269504088896341f;
    // ln 2 split so that n * LN2_HI is exact for |n| <= 2^9 (Cody-Waite reduction)
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    // 1.5 * 2^23: adding it rounds to an integer in the low mantissa bits (round to nearest even)
    static final float ROUND_MAGIC = 12582912f;
    /** Inputs of exp are clamped here: exp(-87.3) is still a normal float, and n = round(88 log2 e) = 127. */
    static final float EXP_MIN = -87.3f;
    static final float EXP_MAX = 88.0f;
    static final float ERF_P = 0.3275911f;
    static final float ERF_A1 = 0.254829592f;
    static final float ERF_A2 = -0.284496736f;
    static final float ERF_A3 = 1.421413741f;
    static final float ERF_A4 = -1.453152027f;
    static final float ERF_A5 = 1.061405429f;
    static final float INV_SQRT2 = 0.70710678118654752f;
    static final float INV_SQRT_2PI = 0.39894228040143268f;

    private final Activation.Kind kind;
    private final float h;
    private final boolean affine;
    private final float alpha;
    private final float beta;

    ActivationRows(Activation activation) {
        Activation base = activation;
        float a = 0;
        float b = 1;
        if (activation.kind() == Activation.Kind.LEAKY) {
            base = activation.base();
            double c = activation.parameter();
            a = (float) c;
            b = (float) ((1 - c) / 4);
        } else if (activation.kind() == Activation.Kind.LEAKY_SOFTPLUS) {
            base = org.bigstep.activation.Activations.parse("softplus");
            a = 0.5f;
            b = 0.5f;
        }
        this.kind = base.kind();
        this.h = base.kind() == Activation.Kind.HUBER_RELU ? (float) base.parameter() : Float.NaN;
        this.affine = a != 0 || b != 1;
        this.alpha = a;
        this.beta = b;
        if (kind == Activation.Kind.LEAKY || kind == Activation.Kind.LEAKY_SOFTPLUS) {
            throw new IllegalArgumentException("nested leaky activation " + activation.name());
        }
    }

    @Override
    public void apply(float[] z, float[] value, float[] slope, int from, int to) {
        // in chunks, so that the passes of one chunk (below, and the affine part of the leaky forms) find z, value
        // and slope in L1
        for (int c = from; c < to; c += CHUNK) {
            int e = Math.min(to, c + CHUNK);
            switch (kind) {
                case SOFTPLUS: softplus(z, value, slope, c, e); break;
                case GELU: gelu(z, value, slope, c, e); break;
                case GELU_TANH: geluTanh(z, value, slope, c, e); break;
                case SILU: silu(z, value, slope, c, e); break;
                case HUBER_RELU: huberRelu(z, value, slope, c, e); break;
                case SIGMOID: sigmoid(z, value, slope, c, e); break;
                case RELU: relu(z, value, slope, c, e); break;
                default: throw new IllegalStateException("no vector form for " + kind);
            }
            if (affine) {
                for (int i = c; i < e; i += L) {
                    FloatVector x = FloatVector.fromArray(SPECIES, z, i);
                    FloatVector v = FloatVector.fromArray(SPECIES, value, i);
                    FloatVector s = FloatVector.fromArray(SPECIES, slope, i);
                    v.fma(beta, 0f).add(x.mul(alpha)).intoArray(value, i);
                    s.fma(beta, alpha).intoArray(slope, i);
                }
            }
        }
    }

    // log(1 + e^z) = max(z, 0) + log1p(e^{-|z|}); phi' = sigmoid(z), from the same exponential. log1p(t) for t in
    // [0, 1], relative also near 0: with s = t / (2 + t) in [0, 1/3], log1p(t) = 2 atanh(s) = 2 s (1 + s^2/3 +
    // s^4/5 + ...), truncated after s^14 (error below 2e-9)
    private static void softplus(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector.fromArray(SPECIES, z, i).abs().neg().intoArray(slope, i);
        }
        exp(slope, from, to);
        afterExp(Activation.Kind.SOFTPLUS, z, value, slope, from, to);
    }

    // z sigmoid(z); phi' = s (1 + z (1 - s)); z clamped so that the exp clamp cannot leak into z * s
    private static void silu(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector.fromArray(SPECIES, z, i).max(-LINEAR_BEYOND).min(LINEAR_BEYOND).abs().neg().intoArray(slope, i);
        }
        exp(slope, from, to);
        afterExp(Activation.Kind.SILU, z, value, slope, from, to);
    }

    private static void sigmoid(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector.fromArray(SPECIES, z, i).abs().neg().intoArray(slope, i);
        }
        exp(slope, from, to);
        afterExp(Activation.Kind.SIGMOID, z, value, slope, from, to);
    }

    // z Phi(z); phi' = Phi(z) + z pdf(z); one exponential e = e^{-z^2/2} serves the erfc and the density. The
    // lower tail Phi(-|z|) = erfc(|z|/sqrt 2) / 2 by Abramowitz & Stegun 7.1.26: erfc(u) = tau (a1 + tau (a2 +
    // ...)) e^{-u^2}, tau = 1/(1 + p u), u >= 0, |error| <= 1.5e-7 in erf, absolute; the e^{-u^2} factor makes it
    // vanish in the tail
    private static void gelu(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector xc = FloatVector.fromArray(SPECIES, z, i).max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
            xc.mul(xc).mul(-0.5f).intoArray(slope, i);
        }
        exp(slope, from, to);
        afterExp(Activation.Kind.GELU, z, value, slope, from, to);
    }

    // 0.5 z (1 + tanh u) = z sigmoid(2u), u = k (z + a z^3); phi' = s + 2 z s (1 - s) k (1 + 3 a z^2)
    private static void geluTanh(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector xc = FloatVector.fromArray(SPECIES, z, i).max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
            xc.mul(xc).fma(GELU_TANH_A, 1f).mul(xc).mul(2 * GELU_TANH_K).abs().neg().intoArray(slope, i);
        }
        exp(slope, from, to);
        afterExp(Activation.Kind.GELU_TANH, z, value, slope, from, to);
    }

    /**
     * The pass after e^x of the exp-based activations, per kind (the first pass and exp are in each activation's
     * method). All in one method on purpose: at over 325 bytes of bytecode (C2's FreqInlineSize) it is never inlined
     * into its caller, so C2 compiles it as a unit of its own. Inlined after the first pass and the exp call, JDK 17's
     * C2 sometimes left the two stores of this pass out of line for GELU and softplus and boxed both vectors
     * (8192x784x128 GELU: 16.8 MB per step in 1 of 3 fresh JVMs; with compilations in a fixed order,
     * -XX:-BackgroundCompilation, always, at 600x40x41 and 1000x200x64); see docs/PERFORMANCE-NOTES.md.
     */
    private static void afterExp(Activation.Kind kind, float[] z, float[] value, float[] slope, int from, int to) {
        switch (kind) {
            case SOFTPLUS:
                for (int i = from; i < to; i += L) {
                    FloatVector x = FloatVector.fromArray(SPECIES, z, i);
                    FloatVector t = FloatVector.fromArray(SPECIES, slope, i);
                    FloatVector s = t.div(t.add(2f));
                    FloatVector s2 = s.mul(s);
                    FloatVector p = s2.fma(s2.broadcast(1f / 15), s2.broadcast(1f / 13));
                    p = p.fma(s2, s2.broadcast(1f / 11));
                    p = p.fma(s2, s2.broadcast(1f / 9));
                    p = p.fma(s2, s2.broadcast(1f / 7));
                    p = p.fma(s2, s2.broadcast(1f / 5));
                    p = p.fma(s2, s2.broadcast(1f / 3));
                    p = p.fma(s2, s2.broadcast(1f));
                    FloatVector r = t.add(1f);
                    r = r.broadcast(1f).div(r);
                    VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
                    x.max(0f).add(s.add(s).mul(p)).intoArray(value, i);
                    r.blend(t.mul(r), negative).intoArray(slope, i);
                }
                break;
            case SILU:
                for (int i = from; i < to; i += L) {
                    FloatVector x = FloatVector.fromArray(SPECIES, z, i);
                    FloatVector xc = x.max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
                    FloatVector t = FloatVector.fromArray(SPECIES, slope, i);
                    FloatVector r = t.add(1f);
                    r = r.broadcast(1f).div(r);
                    VectorMask<Float> negative = xc.compare(VectorOperators.LT, 0f);
                    FloatVector s = r.blend(t.mul(r), negative);
                    FloatVector sc = t.mul(r).blend(r, negative);
                    xc.mul(s).blend(x, x.compare(VectorOperators.GT, LINEAR_BEYOND)).intoArray(value, i);
                    xc.fma(sc, sc.broadcast(1f)).mul(s).intoArray(slope, i);
                }
                break;
            case SIGMOID:
                for (int i = from; i < to; i += L) {
                    FloatVector x = FloatVector.fromArray(SPECIES, z, i);
                    FloatVector t = FloatVector.fromArray(SPECIES, slope, i);
                    FloatVector r = t.add(1f);
                    r = r.broadcast(1f).div(r);
                    VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
                    FloatVector s = r.blend(t.mul(r), negative);
                    s.intoArray(value, i);
                    s.mul(t.mul(r).blend(r, negative)).intoArray(slope, i);
                }
                break;
            case GELU:
                for (int i = from; i < to; i += L) {
                    FloatVector x = FloatVector.fromArray(SPECIES, z, i);
                    FloatVector xc = x.max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
                    FloatVector e = FloatVector.fromArray(SPECIES, slope, i);
                    FloatVector u = xc.abs().mul(INV_SQRT2);
                    FloatVector tau = u.fma(u.broadcast(ERF_P), u.broadcast(1f));
                    tau = tau.broadcast(1f).div(tau);
                    FloatVector p = tau.fma(tau.broadcast(ERF_A5), tau.broadcast(ERF_A4));
                    p = p.fma(tau, tau.broadcast(ERF_A3));
                    p = p.fma(tau, tau.broadcast(ERF_A2));
                    p = p.fma(tau, tau.broadcast(ERF_A1));
                    FloatVector tail = p.mul(tau).mul(e).mul(0.5f);
                    FloatVector cdf = tail.broadcast(1f).sub(tail).blend(tail, xc.compare(VectorOperators.LT, 0f));
                    xc.mul(cdf).blend(x, x.compare(VectorOperators.GT, LINEAR_BEYOND)).intoArray(value, i);
                    xc.mul(e).fma(e.broadcast(INV_SQRT_2PI), cdf).intoArray(slope, i);
                }
                break;
            case GELU_TANH:
                for (int i = from; i < to; i += L) {
                    FloatVector x = FloatVector.fromArray(SPECIES, z, i);
                    FloatVector xc = x.max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
                    FloatVector x2 = xc.mul(xc);
                    FloatVector w = x2.fma(GELU_TANH_A, 1f).mul(xc).mul(2 * GELU_TANH_K);
                    FloatVector t = FloatVector.fromArray(SPECIES, slope, i);
                    FloatVector r = t.add(1f);
                    r = r.broadcast(1f).div(r);
                    VectorMask<Float> negative = w.compare(VectorOperators.LT, 0f);
                    FloatVector s = r.blend(t.mul(r), negative);
                    FloatVector sc = t.mul(r).blend(r, negative);
                    xc.mul(s).blend(x, x.compare(VectorOperators.GT, LINEAR_BEYOND)).intoArray(value, i);
                    FloatVector du = x2.fma(3 * GELU_TANH_A * 2 * GELU_TANH_K, 2 * GELU_TANH_K);
                    xc.mul(s).mul(sc).fma(du, s).intoArray(slope, i);
                }
                break;
            default:
                throw new IllegalStateException("no exp pass for " + kind);
        }
    }

    // clamp z to [0, h]: phi = zc^2 / (2h) + max(z - h, 0), phi' = zc / h
    private void huberRelu(float[] z, float[] value, float[] slope, int from, int to) {
        float halfInvH = 0.5f / h;
        float invH = 1f / h;
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, i);
            FloatVector xc = x.max(0f).min(h);
            xc.mul(xc).fma(halfInvH, 0f).add(x.sub(h).max(0f)).intoArray(value, i);
            xc.mul(invH).intoArray(slope, i);
        }
    }

    // phi'(0) = 0, as in the scalar reference
    private static void relu(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, i);
            x.max(0f).intoArray(value, i);
            FloatVector zero = FloatVector.zero(SPECIES);
            zero.blend(1f, x.compare(VectorOperators.GT, 0f)).intoArray(slope, i);
        }
    }

    /** a[i] = e^{a[i]} for i in [from, to), inputs clamped to [-87.3, 88]: below, about 1.2e-38, never subnormal. */
    static void exp(float[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, i).max(EXP_MIN).min(EXP_MAX);
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
            p.mul((FloatVector) bits.reinterpretAsFloats()).intoArray(a, i);
        }
    }
}
