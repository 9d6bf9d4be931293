package org.bigstep.bench;

import org.bigstep.activation.Activation;

/**
 * The three pieces of a GD step as separate plain loops, written like the scalar reference kernel:
 * forward product Z = X W^T, activation P = phi(Z), D = phi'(Z), gradient product G = C^T X.
 * They are stand-ins until the vector kernel exposes its own pieces (see bench/README.md).
 */
final class PieceLoops {

    private PieceLoops() {
    }

    /** z[i m + j] = sum_k x[i d + k] w[j d + k]. */
    static void forward(float[] x, float[] w, int n, int d, int m, float[] z) {
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            for (int j = 0; j < m; j++) {
                int wj = j * d;
                float s = 0;
                for (int k = 0; k < d; k++) {
                    s += w[wj + k] * x[xi + k];
                }
                z[i * m + j] = s;
            }
        }
    }

    /** p = phi(z), dp = phi'(z), elementwise, through the double reference methods as the scalar kernel does. */
    static void activation(Activation phi, float[] z, int count, float[] p, float[] dp) {
        for (int t = 0; t < count; t++) {
            p[t] = (float) phi.value(z[t]);
            dp[t] = (float) phi.derivative(z[t]);
        }
    }

    /** g[j d + k] = sum_i c[i m + j] x[i d + k]: sample by sample, as the scalar kernel accumulates. */
    static void gradient(float[] x, float[] c, int n, int d, int m, float[] g) {
        java.util.Arrays.fill(g, 0, m * d, 0f);
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            for (int j = 0; j < m; j++) {
                float cij = c[i * m + j];
                int gj = j * d;
                for (int k = 0; k < d; k++) {
                    g[gj + k] += cij * x[xi + k];
                }
            }
        }
    }
}
