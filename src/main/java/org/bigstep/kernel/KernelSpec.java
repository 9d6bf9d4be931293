package org.bigstep.kernel;

import org.bigstep.activation.Activation;
import org.bigstep.data.Dataset;

/**
 * What a kernel is built for: the data, the activation, the fixed output signs a_j (their count is the
 * width m), the scale b and the number of threads.
 */
public record KernelSpec(Dataset data, Activation activation, double[] signs, double scale, int threads) {

    public KernelSpec {
        if (threads < 1) {
            throw new IllegalArgumentException("kernel: expected threads >= 1, found " + threads);
        }
        if (signs.length < 1) {
            throw new IllegalArgumentException("kernel: expected width >= 1, found 0 signs");
        }
        signs = signs.clone();
    }

    public int width() {
        return signs.length;
    }

    /** b a_j / m as float, the per-neuron output coefficient. */
    public float[] outputCoefficients() {
        float[] c = new float[signs.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = (float) (scale * signs[j] / signs.length);
        }
        return c;
    }
}
