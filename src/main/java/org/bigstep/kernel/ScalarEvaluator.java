package org.bigstep.kernel;

import org.bigstep.activation.Activation;
import org.bigstep.loss.Logistic;

/**
 * The reference kernel: plain loops in float32 as written in PAPER.md, no blocking, no tricks.
 * It is the correctness reference for the vector kernel and the honest baseline in benchmarks.
 */
final class ScalarEvaluator implements RangeEvaluator {

    static final Factory FACTORY = new Factory() {
        @Override
        public RangeEvaluator create(KernelSpec spec, int workers) {
            return new ScalarEvaluator(spec, workers);
        }

        @Override
        public String name() {
            return "scalar";
        }

        @Override
        public int vectorBits() {
            return 0;
        }
    };

    private final float[] x;
    private final float[] y;
    private final int n;
    private final int d;
    private final int m;
    private final Activation phi;
    private final float[] coefficient;
    private final float[][] slopes;

    ScalarEvaluator(KernelSpec spec, int workers) {
        this.x = spec.data().features();
        this.y = spec.data().labels();
        this.n = spec.data().size();
        this.d = spec.data().dimension();
        this.m = spec.width();
        this.phi = spec.activation();
        this.coefficient = spec.outputCoefficients();
        this.slopes = new float[workers][m];
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
        float[] slope = slopes[worker];
        java.util.Arrays.fill(gradient, 0, m * d, 0f);
        double lossSum = 0;
        for (int i = from; i < to; i++) {
            int xi = i * d;
            float f = 0;
            for (int j = 0; j < m; j++) {
                float z = 0;
                for (int k = 0; k < d; k++) {
                    z += w[j * d + k] * x[xi + k];
                }
                f += coefficient[j] * (float) phi.value(z);
                slope[j] = (float) phi.derivative(z);
            }
            float q = y[i] * f;
            margins[i] = q;
            lossSum += Logistic.loss(q);
            float g = (float) (-y[i] * Logistic.scaledNegativeDerivative(q, shift) / n);
            for (int j = 0; j < m; j++) {
                float c = g * coefficient[j] * slope[j];
                for (int k = 0; k < d; k++) {
                    gradient[j * d + k] += c * x[xi + k];
                }
            }
        }
        return lossSum;
    }
}
