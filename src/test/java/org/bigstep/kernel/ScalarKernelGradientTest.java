package org.bigstep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.Dataset;
import org.bigstep.model.TwoLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scalar kernel's risk, margins and gradient against a double-precision risk written in the test and its
 * central finite differences, on small shapes that hit the tails (n = 1, d = 1..3, m = 1..5).
 */
class ScalarKernelGradientTest {

    static Stream<Arguments> cases() {
        String[] acts = {"softplus", "leaky-softplus", "gelu", "gelu-tanh", "silu", "huber-relu:h=0.5", "sigmoid",
            "leaky:c=0.6,base=gelu", "relu"};
        int[][] shapes = {{1, 1, 1}, {1, 3, 2}, {2, 1, 3}, {3, 2, 1}, {5, 3, 4}, {7, 2, 5}, {4, 3, 2}};
        Stream.Builder<Arguments> b = Stream.builder();
        int seed = 0;
        for (String a : acts) {
            for (int[] s : shapes) {
                b.add(Arguments.of(a, s[0], s[1], s[2], seed++, seed % 2 == 0 ? 1.0 : 2.5));
            }
        }
        return b.build();
    }

    private static Dataset randomData(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = r.nextGaussian();
            }
            y[i] = r.nextBoolean() ? 1 : -1;
        }
        return Dataset.of("random", x, y);
    }

    @ParameterizedTest(name = "{0} n={1} d={2} m={3}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferencesOfTheDoubleRisk(String act, int n, int d, int m, long seed, double scale) {
        Activation phi = Activations.parse(act);
        Dataset data = randomData(n, d, seed);
        TwoLayerNetwork net = TwoLayerNetwork.initialize(m, d, seed + 100, 1.5, scale);
        double[] signs = net.signs();
        float[] w32 = new float[m * d];
        net.copyWeightsTo(w32);
        double[] w = new double[m * d];
        for (int k = 0; k < w.length; k++) {
            w[k] = w32[k]; // the point the kernel sees, exactly
        }
        float[] margins = new float[n];
        float[] grad = new float[m * d];
        double risk;
        try (StepKernel kernel = Kernels.create(new KernelSpec(data, phi, signs, scale, 1), KernelChoice.SCALAR)) {
            assertEquals("scalar", kernel.name());
            assertEquals(0, kernel.vectorBits());
            risk = kernel.evaluate(w32, margins, grad);
        }
        double[] refMargins = new double[n];
        double[] refGrad = new double[m * d];
        double refRisk = DoubleReference.risk(data, phi, signs, scale, w, refGrad, refMargins);
        assertEquals(refRisk, risk, 1e-5 * refRisk, "risk");
        for (int i = 0; i < n; i++) {
            assertEquals(refMargins[i], margins[i], 1e-5 * (1 + Math.abs(refMargins[i])), "margin " + i);
        }
        double gmax = 0;
        for (double g : refGrad) {
            gmax = Math.max(gmax, Math.abs(g));
        }
        for (int k = 0; k < w.length; k++) {
            double h = 1e-6;
            double keep = w[k];
            w[k] = keep + h;
            double up = DoubleReference.risk(data, phi, signs, scale, w, null, null);
            w[k] = keep - h;
            double down = DoubleReference.risk(data, phi, signs, scale, w, null, null);
            w[k] = keep;
            double fd = (up - down) / (2 * h);
            // the double analytic gradient matches finite differences tightly (relu: away from its kink, almost surely)
            assertEquals(fd, refGrad[k], 1e-7 * (1 + gmax), act + ": double gradient component " + k);
            // the float32 kernel matches to float accuracy, relative to the largest component
            assertEquals(fd, grad[k], 1e-5 * gmax + 1e-7, act + ": kernel gradient component " + k);
        }
        assertTrue(Double.isFinite(risk));
    }
}
