package org.bigstep.kernel.vector;

import org.bigstep.activation.Activation;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.loss.Logistic;

/**
 * The float64 reference for one step, written here independently of both kernels: plain double loops over
 * the float inputs. Besides the values it keeps, per margin and per gradient entry, the sum of the absolute
 * values of the terms, which scales the float error bounds the tests allow.
 */
final class Reference {

    final double[] margins;
    final double[] marginScale;
    final double[] gradient;
    final double[] gradientScale;
    final double loss;

    Reference(KernelSpec spec, float[] w) {
        Dataset data = spec.data();
        int n = data.size();
        int d = data.dimension();
        int m = spec.width();
        float[] x = data.features();
        float[] y = data.labels();
        Activation phi = spec.activation();
        double[] c = new double[m];
        for (int j = 0; j < m; j++) {
            c[j] = spec.scale() * spec.signs()[j] / m;
        }
        margins = new double[n];
        marginScale = new double[n];
        gradient = new double[m * d];
        gradientScale = new double[m * d];
        double[] slope = new double[m];
        double lossSum = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            double scale = 0;
            for (int j = 0; j < m; j++) {
                double z = 0;
                double zAbs = 0;
                for (int k = 0; k < d; k++) {
                    z += (double) w[j * d + k] * x[i * d + k];
                    zAbs += Math.abs((double) w[j * d + k] * x[i * d + k]);
                }
                f += c[j] * phi.value(z);
                slope[j] = phi.derivative(z);
                scale += Math.abs(c[j]) * (1 + Math.abs(phi.value(z)) + Math.abs(slope[j]) * zAbs);
            }
            double q = y[i] * f;
            margins[i] = q;
            marginScale[i] = scale;
            lossSum += Logistic.loss(q);
            double g = -y[i] * Logistic.negativeDerivative(q) / n;
            for (int j = 0; j < m; j++) {
                double cj = g * c[j] * slope[j];
                double cAbs = Math.abs(g * c[j]) * (1 + Math.abs(slope[j]));
                for (int k = 0; k < d; k++) {
                    gradient[j * d + k] += cj * x[i * d + k];
                    gradientScale[j * d + k] += cAbs * Math.abs(x[i * d + k]);
                }
            }
        }
        loss = lossSum / n;
    }
}
