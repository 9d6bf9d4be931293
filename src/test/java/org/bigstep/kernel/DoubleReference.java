package org.bigstep.kernel;

import org.bigstep.activation.Activation;
import org.bigstep.data.Dataset;
import org.bigstep.loss.Logistic;

/** The network, risk and gradient of PAPER.md written out in double, independently of the kernels. */
public final class DoubleReference {

    private DoubleReference() {
    }

    /**
     * L(W) = (1/n) sum_i l(y_i f(W; x_i)), f = (b/m) sum_j a_j phi(&lt;w_j, x_i&gt;), all in double.
     *
     * @param gradient if not null, receives grad L (length m*d)
     * @param margins  if not null, receives q_i (length n)
     */
    public static double risk(Dataset data, Activation phi, double[] signs, double b, double[] w, double[] gradient, double[] margins) {
        int n = data.size();
        int d = data.dimension();
        int m = signs.length;
        double[] z = new double[m];
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += w[j * d + k] * (double) data.feature(i, k);
                }
                z[j] = s;
                f += signs[j] * phi.value(s);
            }
            f *= b / m;
            double q = data.label(i) * f;
            if (margins != null) {
                margins[i] = q;
            }
            sum += Logistic.loss(q);
            if (gradient != null) {
                double g = -data.label(i) * Logistic.negativeDerivative(q) / n;
                for (int j = 0; j < m; j++) {
                    double c = g * b * signs[j] / m * phi.derivative(z[j]);
                    for (int k = 0; k < d; k++) {
                        gradient[j * d + k] += c * data.feature(i, k);
                    }
                }
            }
        }
        return sum / n;
    }
}
