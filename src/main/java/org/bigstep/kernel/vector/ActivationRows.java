package org.bigstep.kernel.vector;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.bigstep.activation.Activation;

/**
 * Vectorised phi and phi' for every {@link Activation.Kind}; a template defined once per width by
 * {@link SpeciesTemplates}. The leaky forms are alpha z + beta base(z) with (alpha, beta) = (1/2, 1/2) for
 * leaky-softplus and (c, (1-c)/4) for leaky:c; the base is computed first, the affine part in a second
 * pass over the (L1-resident) row.
 *
 * <p>Maximum errors |float - double| / max(1, |double|) against the double reference {@link
 * Activation#value}/{@link Activation#derivative}, measured over [-40, 40] in steps of 0.002 plus extreme
 * inputs (up to +-Float.MAX_VALUE), the same at 128, 256 and 512 bits (ActivationRowsTest asserts about
 * twice these): value / slope
 * softplus 1.2e-7 / 8.8e-8; leaky-softplus 1.0e-7 / 7.3e-8; gelu (A&amp;S 7.1.26 erfc) 2.1e-7 / 2.6e-7;
 * gelu-tanh 1.4e-7 / 1.7e-7; silu 1.4e-7 / 2.0e-7; sigmoid 8.8e-8 / 5.1e-8; huber-relu 7.5e-9 / 0; relu 0 / 0;
 * leaky:c=0.5,base=gelu 8.4e-8 / 5.0e-8.
 */
final class ActivationRows implements RowActivation {

    static final VectorSpecies<Float> SPECIES = SpeciesTemplates.species(MethodHandles.lookup());
    private static final int L = SPECIES.length();

    /** Beyond this |z| the smooth activations are 0 or z (and phi' 0 or 1) to float precision. */
    private static final float LINEAR_BEYOND = 30f;
    private static final float GELU_TANH_K = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_TANH_A = 0.044715f;

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
        switch (kind) {
            case SOFTPLUS: softplus(z, value, slope, from, to); break;
            case GELU: gelu(z, value, slope, from, to); break;
            case GELU_TANH: geluTanh(z, value, slope, from, to); break;
            case SILU: silu(z, value, slope, from, to); break;
            case HUBER_RELU: huberRelu(z, value, slope, from, to); break;
            case SIGMOID: sigmoid(z, value, slope, from, to); break;
            case RELU: relu(z, value, slope, from, to); break;
            default: throw new IllegalStateException("no vector form for " + kind);
        }
        if (affine) {
            for (int i = from; i < to; i += L) {
                FloatVector x = FloatVector.fromArray(SPECIES, z, i);
                FloatVector v = FloatVector.fromArray(SPECIES, value, i);
                FloatVector s = FloatVector.fromArray(SPECIES, slope, i);
                v.fma(beta, 0f).add(x.mul(alpha)).intoArray(value, i);
                s.fma(beta, alpha).intoArray(slope, i);
            }
        }
    }

    // log(1 + e^z) = max(z, 0) + log1p(e^{-|z|}); phi' = sigmoid(z), from the same exponential
    private static void softplus(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, i);
            FloatVector t = VectorMath.exp(x.abs().neg());
            FloatVector r = t.add(1f);
            r = r.broadcast(1f).div(r);
            VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
            x.max(0f).add(VectorMath.log1p(t)).intoArray(value, i);
            r.blend(t.mul(r), negative).intoArray(slope, i);
        }
    }

    // z sigmoid(z); phi' = s (1 + z (1 - s)); z clamped so that the exp clamp cannot leak into z * s
    private static void silu(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, i);
            FloatVector xc = x.max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
            FloatVector t = VectorMath.exp(xc.abs().neg());
            FloatVector r = t.add(1f);
            r = r.broadcast(1f).div(r);
            VectorMask<Float> negative = xc.compare(VectorOperators.LT, 0f);
            FloatVector s = r.blend(t.mul(r), negative);
            FloatVector sc = t.mul(r).blend(r, negative);
            xc.mul(s).blend(x, x.compare(VectorOperators.GT, LINEAR_BEYOND)).intoArray(value, i);
            xc.fma(sc, sc.broadcast(1f)).mul(s).intoArray(slope, i);
        }
    }

    private static void sigmoid(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, i);
            FloatVector t = VectorMath.exp(x.abs().neg());
            FloatVector r = t.add(1f);
            r = r.broadcast(1f).div(r);
            VectorMask<Float> negative = x.compare(VectorOperators.LT, 0f);
            FloatVector s = r.blend(t.mul(r), negative);
            s.intoArray(value, i);
            s.mul(t.mul(r).blend(r, negative)).intoArray(slope, i);
        }
    }

    // z Phi(z); phi' = Phi(z) + z pdf(z); one exponential e^{-z^2/2} serves the erfc and the density
    private static void gelu(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, i);
            FloatVector xc = x.max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
            FloatVector e = VectorMath.exp(xc.mul(xc).mul(-0.5f));
            FloatVector tail = VectorMath.normalTail(xc, e);
            FloatVector cdf = tail.broadcast(1f).sub(tail).blend(tail, xc.compare(VectorOperators.LT, 0f));
            xc.mul(cdf).blend(x, x.compare(VectorOperators.GT, LINEAR_BEYOND)).intoArray(value, i);
            xc.mul(e).fma(e.broadcast(VectorMath.INV_SQRT_2PI), cdf).intoArray(slope, i);
        }
    }

    // 0.5 z (1 + tanh u) = z sigmoid(2u), u = k (z + a z^3); phi' = s + 2 z s (1 - s) k (1 + 3 a z^2)
    private static void geluTanh(float[] z, float[] value, float[] slope, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, i);
            FloatVector xc = x.max(-LINEAR_BEYOND).min(LINEAR_BEYOND);
            FloatVector x2 = xc.mul(xc);
            FloatVector w = x2.fma(GELU_TANH_A, 1f).mul(xc).mul(2 * GELU_TANH_K);
            FloatVector t = VectorMath.exp(w.abs().neg());
            FloatVector r = t.add(1f);
            r = r.broadcast(1f).div(r);
            VectorMask<Float> negative = w.compare(VectorOperators.LT, 0f);
            FloatVector s = r.blend(t.mul(r), negative);
            FloatVector sc = t.mul(r).blend(r, negative);
            xc.mul(s).blend(x, x.compare(VectorOperators.GT, LINEAR_BEYOND)).intoArray(value, i);
            FloatVector du = x2.fma(3 * GELU_TANH_A * 2 * GELU_TANH_K, 2 * GELU_TANH_K);
            xc.mul(s).mul(sc).fma(du, s).intoArray(slope, i);
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
}
