package org.bigstep.bench;

import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.model.TwoLayerNetwork;

/**
 * One benchmark problem: a shape n x d x m, synthetic separable data and a network whose pre-activations
 * are about N(0, 1) (unit-norm rows, weights N(0, 1)), so activations are exercised over their
 * interesting range rather than near 0.
 */
final class Problem {

    static final long SEED = 20240601L;

    final int n;
    final int d;
    final int m;
    final Dataset data;
    final TwoLayerNetwork network;
    final Activation activation;

    private Problem(int n, int d, int m, Dataset data, TwoLayerNetwork network, Activation activation) {
        this.n = n;
        this.d = d;
        this.m = m;
        this.data = data;
        this.network = network;
        this.activation = activation;
    }

    /** Parses "NxDxM" (e.g. "1024x3072x256"). */
    static int[] parseShape(String shape) {
        String[] parts = shape.trim().split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("shape: expected NxDxM, found '" + shape + "'");
        }
        int[] s = new int[3];
        for (int i = 0; i < 3; i++) {
            s[i] = Integer.parseInt(parts[i]);
            if (s[i] < 1) {
                throw new IllegalArgumentException("shape: expected positive sizes, found '" + shape + "'");
            }
        }
        return s;
    }

    static Problem of(String shape, String activation) {
        int[] s = parseShape(shape);
        return of(s[0], s[1], s[2], activation);
    }

    static Problem of(int n, int d, int m, String activation) {
        Dataset data = BuiltinDatasets.separable(n, d, SEED, 0);
        TwoLayerNetwork net = TwoLayerNetwork.initialize(m, d, SEED + 1, Math.sqrt(d), 1.0);
        return new Problem(n, d, m, data, net, Activations.parse(activation));
    }

    /** The first {@code rows} samples with the same network: a cheap problem for correctness checks. */
    Problem head(int rows) {
        int r = Math.min(rows, n);
        float[] x = java.util.Arrays.copyOf(data.features(), r * d);
        float[] y = java.util.Arrays.copyOf(data.labels(), r);
        return new Problem(r, d, m, new Dataset(data.name() + "[0:" + r + "]", x, y, d), network.copy(), activation);
    }

    KernelSpec spec(int threads) {
        return new KernelSpec(data, activation, network.signs(), network.scale(), threads);
    }

    /** 4 n d m: the two products' flops in one GD step. */
    double flopsPerStep() {
        return 4.0 * n * d * m;
    }

    /** The risk at the current master weights, in double: the reference the float kernels are checked against. */
    double referenceRisk() {
        float[] x = data.features();
        float[] y = data.labels();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double q = y[i] * network.output(activation, x, i * d);
            sum += q > 0 ? Math.log1p(Math.exp(-q)) : -q + Math.log1p(Math.exp(q));
        }
        return sum / n;
    }
}
